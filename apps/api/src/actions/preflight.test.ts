import type { Action, Finding } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { arn, FIXTURE_ACCOUNT, FIXTURE_REGION, InputsBuilder } from "../testing/fixtures.js";
import { preflight, type PreflightContext } from "./preflight.js";

const hex = (n: number): string => n.toString(16).padStart(17, "0");
const ID = {
  provider: `vpc-${hex(0x1)}`,
  consumer: `vpc-${hex(0x2)}`,
  associated: `vpc-${hex(0x3)}`,
  providerSubnetA: `subnet-${hex(0x1a)}`,
  consumerSubnetA: `subnet-${hex(0x2a)}`,
  consumerSubnetB: `subnet-${hex(0x2b)}`,
  consumerSubnetB2: `subnet-${hex(0x2b2)}`,
  consumerSubnetC: `subnet-${hex(0x2c)}`,
  associatedSubnetA: `subnet-${hex(0x3a)}`,
  associatedSubnetA2: `subnet-${hex(0x3a2)}`,
  associatedSubnetB: `subnet-${hex(0x3b)}`,
  gatewaySg: `sg-${hex(0xa1)}`,
  auroraSg: `sg-${hex(0xa2)}`,
  entrySg: `sg-${hex(0xb1)}`,
  clientSg: `sg-${hex(0xb2)}`,
  bareSg: `sg-${hex(0xb3)}`,
  defaultSg: `sg-${hex(0xb4)}`,
  unusedSg: `sg-${hex(0xb5)}`,
  otherVpcSg: `sg-${hex(0xc1)}`,
  sn: `sn-${hex(0x51)}`,
  snOther: `sn-${hex(0x52)}`,
  gateway: `rgw-${hex(0x1)}`,
  aurora: `rcfg-${hex(0xa1)}`,
  writer: `rcfg-${hex(0xa2)}`,
  reader: `rcfg-${hex(0xa3)}`,
  cidr: `rcfg-${hex(0xc1)}`,
  service: `svc-${hex(0xd1)}`,
  snvaOther: `snva-${hex(0xe1)}`,
  snraAurora: `snra-${hex(0xf1)}`,
  snraWriter: `snra-${hex(0xf2)}`,
  snraReader: `snra-${hex(0xf3)}`,
  snsa: `snsa-${hex(0xd2)}`,
};
const WRITER_HOST = `db1.cluster-abcdefghijkl.${FIXTURE_REGION}.rds.amazonaws.com`;
const CLUSTER_ARN = `arn:aws:rds:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:cluster:db1`;
const CTX: PreflightContext = { accountId: FIXTURE_ACCOUNT, region: FIXTURE_REGION, mutationsAllowed: true };

/** The field report in miniature: Aurora behind an ARN configuration on a network that also carries a service on 443. */
function fieldReport(options: { auroraAdmitsGateway?: boolean } = {}): InputsBuilder {
  const builder = new InputsBuilder()
    .vpc(ID.provider, "provider", "10.0.0.0/16")
    .subnet(ID.providerSubnetA, ID.provider, "a", "10.0.128.0/20")
    .vpc(ID.consumer, "consumer", "10.2.0.0/16")
    .subnet(ID.consumerSubnetA, ID.consumer, "a", "10.2.0.0/20")
    .subnet(ID.consumerSubnetB, ID.consumer, "b", "10.2.16.0/20")
    .subnet(ID.consumerSubnetB2, ID.consumer, "b", "10.2.32.0/20")
    .subnet(ID.consumerSubnetC, ID.consumer, "c", "10.2.48.0/20")
    .vpc(ID.associated, "associated", "10.3.0.0/16")
    .subnet(ID.associatedSubnetA, ID.associated, "a", "10.3.0.0/20")
    .subnet(ID.associatedSubnetA2, ID.associated, "a", "10.3.16.0/20")
    .subnet(ID.associatedSubnetB, ID.associated, "b", "10.3.32.0/20")
    .group(ID.gatewaySg, ID.provider, [], "resource-gateway-sg")
    .group(
      ID.auroraSg,
      ID.provider,
      options.auroraAdmitsGateway === false ? [] : [{ port: 5432, from: ID.gatewaySg }],
      "aurora-sg",
    )
    .group(ID.entrySg, ID.consumer, [{ port: 5432, from: ID.clientSg }], "entry-sg")
    .group(ID.clientSg, ID.consumer, [], "CloudShell SG")
    .group(ID.bareSg, ID.consumer, [], "bare-sg")
    .group(ID.defaultSg, ID.consumer, [{ port: 0, toPort: 65535, from: ID.defaultSg }], "default")
    .group(ID.unusedSg, ID.consumer, [{ port: 443, from: "10.2.0.0/16" }], "unused-by-lattice")
    .group(ID.otherVpcSg, ID.associated, [], "other-vpc-sg")
    .network(ID.sn, "shared-sn")
    .network(ID.snOther, "other-sn")
    .gateway(ID.gateway, ID.provider, [ID.gatewaySg], [ID.providerSubnetA])
    .cluster("db1", [ID.auroraSg])
    .configuration(ID.aurora, "aurora", "ARN", { gateway: ID.gateway, arn: CLUSTER_ARN, ports: ["5432"] })
    .configuration(ID.writer, "aurora-writer", "CHILD", {
      gateway: ID.gateway,
      group: ID.aurora,
      dns: WRITER_HOST,
      ports: ["5432"],
      amazonManaged: true,
    })
    .configuration(ID.reader, "aurora-reader", "CHILD", {
      gateway: ID.gateway,
      group: ID.aurora,
      dns: WRITER_HOST.replace(".cluster-", ".cluster-ro-"),
      ports: ["5432"],
      amazonManaged: true,
    })
    .configuration(ID.cidr, "office", "CIDR", { gateway: ID.gateway, cidr: "10.9.0.0/16", ports: ["1-65535"] })
    .resourceAssociation(ID.snraAurora, ID.sn, ID.aurora, { named: false, privateDnsEnabled: true })
    .resourceAssociation(ID.snraWriter, ID.sn, ID.writer, { managed: true, privateDnsEnabled: true })
    .resourceAssociation(ID.snraReader, ID.sn, ID.reader, { managed: true, privateDnsEnabled: true })
    .service(ID.service, "hello", { listeners: [{ protocol: "HTTPS", port: 443 }] })
    .serviceAssociation(ID.snsa, ID.sn, ID.service)
    .vpcAssociation(ID.snvaOther, ID.snOther, ID.associated, { groups: [ID.otherVpcSg] });
  // Only the subnets named above (vpc() adds a catch-all one per VPC).
  builder.inputs.subnets = builder.inputs.subnets.filter((s) => Object.values(ID).includes(s.subnetId));
  return builder;
}

const run = (builder: InputsBuilder, action: Action, ctx: PreflightContext = CTX) =>
  preflight(builder.index(), action, ctx);
const codes = (findings: Finding[]): string[] => findings.map((f) => `${f.severity}:${f.code}`).sort();
const only = (findings: Finding[], code: Finding["code"]): Finding => {
  const matching = findings.filter((f) => f.code === code);
  expect(matching, `one ${code} in ${JSON.stringify(codes(findings))}`).toHaveLength(1);
  return matching[0]!;
};

const associateConsumer = (extra: Partial<Extract<Action, { type: "associate-vpc" }>> = {}): Action => ({
  type: "associate-vpc",
  vpcId: ID.consumer,
  serviceNetworkId: ID.sn,
  securityGroupIds: [ID.entrySg],
  ...extra,
});

describe("preflight: a clean change", () => {
  it("finds nothing blocking for a well-formed association, and resolves what the calls need", () => {
    const result = run(fieldReport(), associateConsumer({ securityGroupIds: [ID.entrySg, ID.unusedSg] }));
    expect(result.blocking).toBe(false);
    expect(codes(result.findings)).toEqual([]);
    expect(result.resolved).toMatchObject({
      serviceNetworkIdentifier: ID.sn,
      serviceNetworkArn: arn(`servicenetwork/${ID.sn}`),
    });
    expect(result.resolved.summary).toBe(
      `Associate consumer (${ID.consumer}) with service network shared-sn (${ID.sn}).`,
    );
  });

  it("names a network of another account by its ARN (RAM-shared networks need it)", () => {
    const shared = `arn:aws:vpc-lattice:${FIXTURE_REGION}:444455556666:servicenetwork/${ID.sn}`;
    const builder = fieldReport();
    builder.inputs.serviceNetworks[0]!.arn = shared;
    const result = run(builder, associateConsumer());
    expect(result.resolved.serviceNetworkIdentifier).toBe(shared);
    const own = run(fieldReport(), {
      type: "create-service-network-endpoint",
      vpcId: ID.consumer,
      serviceNetworkId: ID.sn,
      subnetIds: [ID.consumerSubnetA],
      securityGroupIds: [ID.entrySg],
    });
    expect(own.resolved.serviceNetworkArn).toBe(arn(`servicenetwork/${ID.sn}`));
  });

  it("is blocked on a read-only source, and still resolves (the plan still codifies)", () => {
    const result = run(fieldReport(), associateConsumer(), { ...CTX, mutationsAllowed: false });
    expect(only(result.findings, "READ_ONLY").severity).toBe("blocking");
    expect(result.resolved.serviceNetworkIdentifier).toBe(ID.sn);
  });

  it("blocks ids the topology does not know", () => {
    const result = run(
      fieldReport(),
      associateConsumer({ vpcId: `vpc-${hex(0x99)}`, serviceNetworkId: `sn-${hex(0x99)}` }),
    );
    expect(result.findings.filter((f) => f.code === "NOT_FOUND").map((f) => f.subject)).toEqual([
      `vpc-${hex(0x99)}`,
      `sn-${hex(0x99)}`,
    ]);
    expect(result.blocking).toBe(true);
  });
});

describe("preflight: VPC associations", () => {
  it("explains the one-service-network-per-VPC rule and offers a ServiceNetwork endpoint with one subnet per AZ", () => {
    const result = run(fieldReport(), {
      type: "associate-vpc",
      vpcId: ID.associated,
      serviceNetworkId: ID.sn,
      securityGroupIds: [ID.otherVpcSg],
      privateDnsEnabled: true,
    });
    const finding = only(result.findings, "VPC_ALREADY_ASSOCIATED");
    expect(finding.severity).toBe("blocking");
    expect(finding.message).toMatch(/only one service network/);
    expect(finding.message).toContain("other-sn");
    expect(finding.fix).toMatch(/VPC endpoint of type ServiceNetwork/);
    expect(finding.alternative?.action).toEqual({
      type: "create-service-network-endpoint",
      vpcId: ID.associated,
      serviceNetworkId: ID.sn,
      subnetIds: [ID.associatedSubnetA, ID.associatedSubnetB],
      securityGroupIds: [ID.otherVpcSg],
      privateDnsEnabled: true,
    });
    // The alternative passes its own preflight.
    expect(run(fieldReport(), finding.alternative!.action).blocking).toBe(false);
  });

  it("blocks a duplicate association, and offers to delete a failed one first", () => {
    const duplicate = run(fieldReport(), { type: "associate-vpc", vpcId: ID.associated, serviceNetworkId: ID.snOther });
    expect(only(duplicate.findings, "DUPLICATE_ASSOCIATION").alternative).toBeUndefined();
    const failed = fieldReport();
    failed.inputs.vpcAssociations[0]!.status = "CREATE_FAILED";
    const finding = only(
      run(failed, { type: "associate-vpc", vpcId: ID.associated, serviceNetworkId: ID.snOther }).findings,
      "DUPLICATE_ASSOCIATION",
    );
    expect(finding.alternative?.action).toEqual({ type: "remove-vpc-association", associationId: ID.snvaOther });
  });

  it("is BUSY while the VPC's association is being removed", () => {
    const builder = fieldReport();
    builder.inputs.vpcAssociations[0]!.status = "DELETE_IN_PROGRESS";
    const result = run(builder, { type: "associate-vpc", vpcId: ID.associated, serviceNetworkId: ID.sn });
    expect(codes(result.findings)).toEqual(["blocking:BUSY", "info:NO_SECURITY_GROUPS"]);
  });

  it("allows at most five security groups, all of the VPC, including groups no Lattice path uses yet", () => {
    const six = [ID.entrySg, ID.clientSg, ID.bareSg, ID.defaultSg, ID.unusedSg, ID.otherVpcSg];
    const result = run(fieldReport(), associateConsumer({ securityGroupIds: six }));
    expect(only(result.findings, "TOO_MANY_SECURITY_GROUPS").severity).toBe("blocking");
    expect(only(result.findings, "GROUP_NOT_IN_VPC").subject).toBe(ID.otherVpcSg);
    const unknown = run(fieldReport(), associateConsumer({ securityGroupIds: [`sg-${hex(0x77)}`] }));
    expect(only(unknown.findings, "GROUP_NOT_IN_VPC").message).toMatch(/not found/);
    // ID.unusedSg is referenced by nothing Lattice-related, so the graph does not draw it; preflight still knows it.
    expect(fieldReport().index().byId.has(ID.unusedSg)).toBe(false);
    expect(
      run(fieldReport(), associateConsumer({ securityGroupIds: [ID.unusedSg] })).findings.map((f) => f.code),
    ).not.toContain("GROUP_NOT_IN_VPC");
  });

  it("warns when the chosen groups let a member's port in from nowhere, offering the one rule", () => {
    const result = run(fieldReport(), associateConsumer({ securityGroupIds: [ID.bareSg] }));
    const ports = result.findings.filter((f) => f.code === "ENTRY_INGRESS_MISSING");
    expect(ports.map((f) => f.alternative?.action)).toEqual([
      {
        type: "add-ingress-rule",
        groupId: ID.bareSg,
        protocol: "tcp",
        port: 5432,
        cidr: "10.2.0.0/16",
        description: "Lattice Atlas: TCP 5432 from consumer",
      },
      {
        type: "add-ingress-rule",
        groupId: ID.bareSg,
        protocol: "tcp",
        port: 443,
        cidr: "10.2.0.0/16",
        description: "Lattice Atlas: TCP 443 from consumer",
      },
    ]);
    expect(ports.every((f) => f.severity === "warning")).toBe(true);
    expect(ports[1]!.message).toContain("hello");
    // entry-sg admits 5432 (from the client group) but not 443.
    expect(
      run(fieldReport(), associateConsumer())
        .findings.filter((f) => f.code === "ENTRY_INGRESS_MISSING")
        .map((f) => f.alternative?.action),
    ).toEqual([expect.objectContaining({ port: 443 })]);
  });

  it("notes that an association without groups filters nothing", () => {
    const result = run(fieldReport(), associateConsumer({ securityGroupIds: [] }));
    expect(only(result.findings, "NO_SECURITY_GROUPS").severity).toBe("info");
  });

  it("checks DNS options against private DNS and the preference", () => {
    const off = run(
      fieldReport(),
      associateConsumer({ privateDnsEnabled: false, dnsOptions: { privateDnsPreference: "ALL_DOMAINS" } }),
    );
    expect(only(off.findings, "DNS_OPTIONS").message).toMatch(/only apply when private DNS is enabled/);
    const noDomains = run(
      fieldReport(),
      associateConsumer({ privateDnsEnabled: true, dnsOptions: { privateDnsPreference: "SPECIFIED_DOMAINS_ONLY" } }),
    );
    expect(only(noDomains.findings, "DNS_OPTIONS").message).toMatch(/needs the domains/);
    const fine = run(
      fieldReport(),
      associateConsumer({
        privateDnsEnabled: true,
        dnsOptions: { privateDnsPreference: "SPECIFIED_DOMAINS_ONLY", privateDnsSpecifiedDomains: ["*.example.com"] },
      }),
    );
    expect(fine.findings.map((f) => f.code)).not.toContain("DNS_OPTIONS");
  });
});

describe("preflight: resource and service associations", () => {
  const second = (builder: InputsBuilder) => builder.network(`sn-${hex(0x53)}`, "second-sn");

  it("refuses a CIDR configuration in a service network", () => {
    const finding = only(
      run(fieldReport(), { type: "associate-resource", serviceNetworkId: ID.sn, resourceConfigurationId: ID.cidr })
        .findings,
      "CIDR_CONFIGURATION",
    );
    expect(finding.severity).toBe("blocking");
    expect(finding.fix).toMatch(/Tunnel/);
  });

  it("refuses a CHILD and offers its GROUP instead", () => {
    const finding = only(
      run(second(fieldReport()), {
        type: "associate-resource",
        serviceNetworkId: `sn-${hex(0x53)}`,
        resourceConfigurationId: ID.writer,
      }).findings,
      "CHILD_CONFIGURATION",
    );
    expect(finding.alternative?.action).toEqual({
      type: "associate-resource",
      serviceNetworkId: `sn-${hex(0x53)}`,
      resourceConfigurationId: ID.aurora,
    });
  });

  it("blocks a duplicate pair", () => {
    expect(
      only(
        run(fieldReport(), { type: "associate-resource", serviceNetworkId: ID.sn, resourceConfigurationId: ID.aurora })
          .findings,
        "DUPLICATE_ASSOCIATION",
      ).subject,
    ).toBe(ID.snraAurora);
    expect(
      only(
        run(fieldReport(), { type: "associate-service", serviceNetworkId: ID.sn, serviceId: ID.service }).findings,
        "DUPLICATE_ASSOCIATION",
      ).subject,
    ).toBe(ID.snsa);
  });

  it("refuses a target that is being deleted", () => {
    const builder = second(fieldReport());
    builder.inputs.services[0]!.status = "DELETE_IN_PROGRESS";
    expect(
      only(
        run(builder, { type: "associate-service", serviceNetworkId: `sn-${hex(0x53)}`, serviceId: ID.service })
          .findings,
        "TARGET_DELETING",
      ).severity,
    ).toBe("blocking");
    const config = second(fieldReport());
    config.inputs.resourceConfigurations[0]!.status = "DELETE_IN_PROGRESS";
    expect(
      only(
        run(config, {
          type: "associate-resource",
          serviceNetworkId: `sn-${hex(0x53)}`,
          resourceConfigurationId: ID.aurora,
        }).findings,
        "TARGET_DELETING",
      ).subject,
    ).toBe(ID.aurora);
  });

  it("warns (without blocking) about a target that is not ACTIVE yet", () => {
    const builder = second(fieldReport());
    builder.inputs.resourceConfigurations[0]!.status = "CREATE_IN_PROGRESS";
    const result = run(builder, {
      type: "associate-resource",
      serviceNetworkId: `sn-${hex(0x53)}`,
      resourceConfigurationId: ID.aurora,
    });
    expect(only(result.findings, "TARGET_NOT_READY")).toMatchObject({ severity: "warning", subject: ID.aurora });
    expect(result.blocking).toBe(false);
  });

  it("applies the field report's rule: the Aurora group must admit the resource gateway's group on the port", () => {
    const action: Action = {
      type: "associate-resource",
      serviceNetworkId: `sn-${hex(0x53)}`,
      resourceConfigurationId: ID.aurora,
    };
    expect(run(second(fieldReport()), action).findings).toEqual([]);
    const finding = only(
      run(second(fieldReport({ auroraAdmitsGateway: false })), action).findings,
      "TARGET_INGRESS_MISSING",
    );
    expect(finding.severity).toBe("warning");
    expect(finding.message).toContain("TCP 5432");
    expect(finding.alternative?.action).toEqual({
      type: "add-ingress-rule",
      groupId: ID.auroraSg,
      protocol: "tcp",
      port: 5432,
      sourceGroupId: ID.gatewaySg,
      description: `Lattice Atlas: TCP 5432 from resource gateway ${ID.gateway}`,
    });
    // A CIDR rule that covers the gateway's subnets also admits it.
    const byCidr = second(fieldReport({ auroraAdmitsGateway: false }));
    byCidr.inputs.securityGroups
      .find((g) => g.groupId === ID.auroraSg)!
      .ingress.push({ protocol: "tcp", fromPort: 5432, toPort: 5432, cidr: "10.0.0.0/16" });
    expect(run(byCidr, action).findings.map((f) => f.code)).not.toContain("TARGET_INGRESS_MISSING");
  });

  it("warns when consumers already on the network would not let a new member's port in", () => {
    const builder = fieldReport();
    const withConsumer = builder
      .vpcAssociation(`snva-${hex(0xe2)}`, ID.sn, ID.consumer, { groups: [ID.entrySg] })
      .service(`svc-${hex(0xd3)}`, "admin", { listeners: [{ protocol: "HTTPS", port: 8443 }] });
    const finding = only(
      run(withConsumer, { type: "associate-service", serviceNetworkId: ID.sn, serviceId: `svc-${hex(0xd3)}` }).findings,
      "ENTRY_INGRESS_MISSING",
    );
    expect(finding.message).toContain(`snva-${hex(0xe2)}`);
    expect(finding.alternative?.action).toMatchObject({ groupId: ID.entrySg, port: 8443 });
  });
});

describe("preflight: endpoints", () => {
  const resourceEndpoint = (extra: Partial<Extract<Action, { type: "create-resource-endpoint" }>> = {}): Action => ({
    type: "create-resource-endpoint",
    vpcId: ID.consumer,
    resourceConfigurationId: ID.aurora,
    subnetIds: [ID.consumerSubnetA, ID.consumerSubnetB],
    securityGroupIds: [ID.entrySg],
    ...extra,
  });

  it("accepts a Resource endpoint that shares an AZ with the gateway", () => {
    const result = run(fieldReport(), resourceEndpoint());
    expect(result.findings).toEqual([]);
    expect(result.resolved.resourceConfigurationArn).toBe(arn(`resourceconfiguration/${ID.aurora}`));
  });

  it("checks the subnets: in the VPC, one per AZ, and an AZ in common with the resource gateway", () => {
    const outside = run(fieldReport(), resourceEndpoint({ subnetIds: [ID.consumerSubnetA, ID.associatedSubnetB] }));
    expect(only(outside.findings, "SUBNET_NOT_IN_VPC").subject).toBe(ID.associatedSubnetB);
    const twice = run(
      fieldReport(),
      resourceEndpoint({ subnetIds: [ID.consumerSubnetA, ID.consumerSubnetB, ID.consumerSubnetB2] }),
    );
    expect(only(twice.findings, "SUBNETS_SHARE_AZ").subject).toBe(ID.consumerSubnetB2);
    const apart = run(fieldReport(), resourceEndpoint({ subnetIds: [ID.consumerSubnetB, ID.consumerSubnetC] }));
    const finding = only(apart.findings, "NO_COMMON_AZ");
    expect(finding.message).toContain(`${FIXTURE_REGION}a`);
    expect(finding.fix).toBe(`Add a subnet of the VPC in ${FIXTURE_REGION}a.`);
    // A ServiceNetwork endpoint has no gateway to share a zone with.
    expect(
      run(fieldReport(), {
        type: "create-service-network-endpoint",
        vpcId: ID.consumer,
        serviceNetworkId: ID.sn,
        subnetIds: [ID.consumerSubnetC],
        securityGroupIds: [ID.entrySg],
      }).findings.map((f) => f.code),
    ).not.toContain("NO_COMMON_AZ");
  });

  it("refuses a CHILD (offering the GROUP) and a CIDR configuration", () => {
    expect(
      only(run(fieldReport(), resourceEndpoint({ resourceConfigurationId: ID.writer })).findings, "CHILD_CONFIGURATION")
        .alternative?.action,
    ).toMatchObject({ resourceConfigurationId: ID.aurora });
    expect(
      only(run(fieldReport(), resourceEndpoint({ resourceConfigurationId: ID.cidr })).findings, "CIDR_CONFIGURATION")
        .severity,
    ).toBe("blocking");
  });

  it("blocks the private-DNS clash between a Resource and a ServiceNetwork endpoint for the same configuration, both ways", () => {
    const withResourceEndpoint = fieldReport().endpoint(`vpce-${hex(0x1)}`, ID.consumer, "Resource", ID.aurora, {
      privateDnsEnabled: true,
    });
    const snEndpoint: Action = {
      type: "create-service-network-endpoint",
      vpcId: ID.consumer,
      serviceNetworkId: ID.sn,
      subnetIds: [ID.consumerSubnetA],
      securityGroupIds: [ID.entrySg],
      privateDnsEnabled: true,
    };
    expect(only(run(withResourceEndpoint, snEndpoint).findings, "PRIVATE_DNS_CLASH").subject).toBe(`vpce-${hex(0x1)}`);
    expect(
      run(withResourceEndpoint, { ...snEndpoint, privateDnsEnabled: false }).findings.map((f) => f.code),
    ).not.toContain("PRIVATE_DNS_CLASH");
    const withSnEndpoint = fieldReport().endpoint(`vpce-${hex(0x2)}`, ID.consumer, "ServiceNetwork", ID.sn, {
      privateDnsEnabled: true,
    });
    expect(
      only(run(withSnEndpoint, resourceEndpoint({ privateDnsEnabled: true })).findings, "PRIVATE_DNS_CLASH").severity,
    ).toBe("blocking");
  });

  it("warns about a second endpoint for the same target, and about a network the VPC is already associated with", () => {
    const builder = fieldReport().endpoint(`vpce-${hex(0x1)}`, ID.consumer, "Resource", ID.aurora, {
      privateDnsEnabled: false,
    });
    expect(only(run(builder, resourceEndpoint()).findings, "DUPLICATE_ENDPOINT").severity).toBe("warning");
    const associated = run(fieldReport(), {
      type: "create-service-network-endpoint",
      vpcId: ID.associated,
      serviceNetworkId: ID.snOther,
      subnetIds: [ID.associatedSubnetA],
      securityGroupIds: [ID.otherVpcSg],
    });
    expect(only(associated.findings, "DUPLICATE_ENDPOINT").subject).toBe(ID.snvaOther);
  });

  it("without groups, checks the VPC's default group that AWS attaches", () => {
    const { securityGroupIds: _groups, ...withoutGroups } = resourceEndpoint() as Extract<
      Action,
      { type: "create-resource-endpoint" }
    >;
    const result = run(fieldReport(), withoutGroups);
    expect(only(result.findings, "DEFAULT_SECURITY_GROUP").subject).toBe(ID.defaultSg);
    // The default group admits only its own members, on every port: no port finding.
    expect(result.findings.map((f) => f.code)).not.toContain("ENTRY_INGRESS_MISSING");
    const bare = run(fieldReport(), resourceEndpoint({ securityGroupIds: [ID.bareSg] }));
    expect(only(bare.findings, "ENTRY_INGRESS_MISSING").alternative?.action).toMatchObject({
      groupId: ID.bareSg,
      port: 5432,
    });
  });
});

describe("preflight: removals and rules", () => {
  it("refuses to remove an association that is in progress or already being deleted", () => {
    const builder = fieldReport();
    builder.inputs.vpcAssociations[0]!.status = "CREATE_IN_PROGRESS";
    expect(
      only(run(builder, { type: "remove-vpc-association", associationId: ID.snvaOther }).findings, "BUSY").message,
    ).toMatch(/CREATE_IN_PROGRESS/);
    builder.inputs.vpcAssociations[0]!.status = "DELETE_IN_PROGRESS";
    expect(
      only(run(builder, { type: "remove-vpc-association", associationId: ID.snvaOther }).findings, "BUSY").message,
    ).toMatch(/already being deleted/);
    builder.inputs.vpcAssociations[0]!.status = "ACTIVE";
    expect(run(builder, { type: "remove-vpc-association", associationId: ID.snvaOther }).findings).toEqual([]);
  });

  it("refuses to remove an AWS-managed child association and offers its parent", () => {
    const finding = only(
      run(fieldReport(), { type: "remove-resource-association", associationId: ID.snraWriter }).findings,
      "MANAGED_ASSOCIATION",
    );
    expect(finding.alternative?.action).toEqual({ type: "remove-resource-association", associationId: ID.snraAurora });
  });

  it("blocks removing what does not exist", () => {
    expect(
      only(run(fieldReport(), { type: "remove-endpoint", endpointId: `vpce-${hex(0x9)}` }).findings, "NOT_FOUND")
        .severity,
    ).toBe("blocking");
  });

  it("blocks an exact duplicate rule and notes a broader one", () => {
    const duplicate = run(fieldReport(), {
      type: "add-ingress-rule",
      groupId: ID.entrySg,
      protocol: "tcp",
      port: 5432,
      sourceGroupId: ID.clientSg,
    });
    expect(only(duplicate.findings, "DUPLICATE_RULE").severity).toBe("blocking");
    const covered = run(fieldReport(), {
      type: "add-ingress-rule",
      groupId: ID.unusedSg,
      protocol: "tcp",
      port: 443,
      cidr: "10.2.3.0/24",
    });
    expect(only(covered.findings, "DUPLICATE_RULE").severity).toBe("warning");
    expect(
      run(fieldReport(), {
        type: "add-ingress-rule",
        groupId: ID.bareSg,
        protocol: "tcp",
        port: 5432,
        sourceGroupId: ID.clientSg,
      }).findings,
    ).toEqual([]);
  });
});
