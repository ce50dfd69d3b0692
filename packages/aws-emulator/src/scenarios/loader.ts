/** Applies a scenario document to an emulator through the real handlers. */
import type { Emulator } from "../core/emulator.js";
import type { Handler, HandlerContext } from "../core/service.js";
import { createDbCluster, createDbInstance } from "../services/rds/index.js";
import { defaultSecurityGroup } from "../services/ec2/network.js";
import { createFunction } from "../services/lambda/index.js";
import { awsManagedPrefixLists } from "../services/ec2/handlers/prefix-lists.js";
import { setVerificationStatus } from "../services/lattice/handlers/domain-verification.js";
import type { RuleDocument, ScenarioDocument } from "./document.js";

export interface LoadResult {
  accountId: string;
  region: string;
  /** Document name → AWS id (or ARN for Lambda functions), for tests and generators. */
  ids: Record<string, string>;
}

function awsPrefixListId(region: string, suffix: string): string {
  const list = awsManagedPrefixLists(region).find((l) => l.PrefixListName === `com.amazonaws.${region}.${suffix}`);
  if (!list) throw new Error(`no AWS-managed prefix list com.amazonaws.${region}.${suffix}`);
  return list.PrefixListId;
}

/** `known`: names → ids an earlier document created in the same account and Region (estates load some accounts in two parts). */
export function loadScenario(
  emulator: Emulator,
  doc: ScenarioDocument,
  known: Record<string, string> = {},
): LoadResult {
  const accountId = doc.accountId ?? emulator.defaultAccountId;
  const ctx = emulator.context(accountId, doc.region, "LoadScenario");
  const ids = new Map<string, string>(Object.entries(known));
  const ref = (name: string, kind: string): string => {
    // Another account's resource, shared with this one (estate documents resolve `@account/name` to its ARN).
    if (name.startsWith("arn:")) return name;
    const id = ids.get(name);
    if (!id) throw new Error(`scenario ${doc.name}: unknown ${kind} "${name}"`);
    return id;
  };
  const call = (service: string, operation: string, input: Record<string, unknown>): Record<string, unknown> => {
    const handler: Handler | undefined = emulator.service(service)?.handlers[operation];
    if (!handler) throw new Error(`scenario loader: no handler ${service}:${operation}`);
    const opCtx: HandlerContext = { ...ctx, operation };
    return handler(input, opCtx) ?? {};
  };
  const force = (prefix: string, id: string | undefined): void => {
    if (id) ctx.ids.force(prefix, id);
  };
  if (doc.rdsEndpointHash) ctx.state.rds.endpointHash = doc.rdsEndpointHash;

  // EC2: VPCs, subnets, security groups (rules after every group exists).
  for (const vpc of doc.vpcs) {
    force("vpc", vpc.id);
    const created = call("ec2", "CreateVpc", {
      CidrBlock: vpc.cidr,
      TagSpecifications: [
        {
          ResourceType: "vpc",
          Tags: [
            { Key: "Name", Value: vpc.label ?? vpc.name },
            ...(vpc.role ? [{ Key: "atlas:role", Value: vpc.role }] : []),
          ],
        },
      ],
    }) as { Vpc: { VpcId: string } };
    const vpcId = created.Vpc.VpcId;
    ids.set(vpc.name, vpcId);
    ids.set(`${vpc.name}/default`, defaultSecurityGroup(ctx.state, vpcId)!);
    for (const subnet of vpc.subnets) {
      force("subnet", subnet.id);
      const s = call("ec2", "CreateSubnet", {
        VpcId: vpcId,
        CidrBlock: subnet.cidr,
        AvailabilityZone: subnet.az,
        TagSpecifications: [{ ResourceType: "subnet", Tags: [{ Key: "Name", Value: subnet.name }] }],
      }) as { Subnet: { SubnetId: string } };
      ids.set(subnet.name, s.Subnet.SubnetId);
    }
    for (const group of vpc.securityGroups ?? []) {
      force("sg", group.id);
      const g = call("ec2", "CreateSecurityGroup", {
        GroupName: group.name,
        Description: group.description ?? group.name,
        VpcId: vpcId,
        TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: "Name", Value: group.name }] }],
      }) as { GroupId: string };
      // Bare names are for groups whose name is unique in the document; qualify the others as "vpc/name".
      if (!ids.has(group.name)) ids.set(group.name, g.GroupId);
      ids.set(`${vpc.name}/${group.name}`, g.GroupId);
    }
  }
  const permission = (rule: RuleDocument) => ({
    IpProtocol: rule.protocol ?? "tcp",
    FromPort: rule.port ?? -1,
    ToPort: rule.toPort ?? rule.port ?? -1,
    ...(rule.cidr
      ? { IpRanges: [{ CidrIp: rule.cidr, ...(rule.description ? { Description: rule.description } : {}) }] }
      : {}),
    ...(rule.awsPrefixList
      ? {
          PrefixListIds: [
            {
              PrefixListId: awsPrefixListId(doc.region, rule.awsPrefixList),
              ...(rule.description ? { Description: rule.description } : {}),
            },
          ],
        }
      : {}),
    ...(rule.fromGroup
      ? {
          UserIdGroupPairs: [
            {
              GroupId: ref(rule.fromGroup, "security group"),
              ...(rule.description ? { Description: rule.description } : {}),
            },
          ],
        }
      : {}),
  });
  for (const vpc of doc.vpcs) {
    for (const group of vpc.securityGroups ?? []) {
      const groupId = ref(`${vpc.name}/${group.name}`, "security group");
      for (const rule of group.ingress ?? [])
        call("ec2", "AuthorizeSecurityGroupIngress", { GroupId: groupId, IpPermissions: [permission(rule)] });
      if (group.egress) {
        // An explicit egress list replaces the default allow-all rule.
        call("ec2", "RevokeSecurityGroupEgress", {
          GroupId: groupId,
          IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        });
        for (const rule of group.egress)
          call("ec2", "AuthorizeSecurityGroupEgress", { GroupId: groupId, IpPermissions: [permission(rule)] });
      }
    }
  }

  // Network ACLs: created empty (deny all), given their entries, then swapped in for their subnets.
  for (const vpc of doc.vpcs) {
    for (const acl of vpc.networkAcls ?? []) {
      const created = call("ec2", "CreateNetworkAcl", {
        VpcId: ref(vpc.name, "VPC"),
        TagSpecifications: [{ ResourceType: "network-acl", Tags: [{ Key: "Name", Value: acl.name }] }],
      }) as { NetworkAcl: { NetworkAclId: string } };
      const aclId = created.NetworkAcl.NetworkAclId;
      ids.set(acl.name, aclId);
      for (const entry of acl.entries) {
        const protocol = entry.protocol ?? "tcp";
        call("ec2", "CreateNetworkAclEntry", {
          NetworkAclId: aclId,
          RuleNumber: entry.rule,
          Protocol: protocol,
          RuleAction: entry.action,
          Egress: entry.egress ?? false,
          CidrBlock: entry.cidr ?? "0.0.0.0/0",
          ...(entry.port !== undefined ? { PortRange: { From: entry.port, To: entry.toPort ?? entry.port } } : {}),
        });
      }
      for (const subnet of acl.subnets) {
        const subnetId = ref(subnet, "subnet");
        const current = (
          call("ec2", "DescribeNetworkAcls", {
            Filters: [{ Name: "association.subnet-id", Values: [subnetId] }],
          }) as { NetworkAcls: Array<{ Associations: Array<{ NetworkAclAssociationId: string; SubnetId: string }> }> }
        ).NetworkAcls[0]!.Associations.find((a) => a.SubnetId === subnetId)!;
        call("ec2", "ReplaceNetworkAclAssociation", {
          AssociationId: current.NetworkAclAssociationId,
          NetworkAclId: aclId,
        });
      }
    }
  }

  // RDS (Aurora) and Lambda.
  for (const aurora of doc.aurora ?? []) {
    const subnetGroup = `${aurora.id}-subnets`;
    call("rds", "CreateDBSubnetGroup", {
      DBSubnetGroupName: subnetGroup,
      DBSubnetGroupDescription: `Subnets of ${aurora.id}`,
      SubnetIds: aurora.subnets.map((s) => ref(s, "subnet")),
    });
    const cluster = createDbCluster(ctx, {
      DBClusterIdentifier: aurora.id,
      Engine: aurora.engine ?? "aurora-postgresql",
      EngineVersion: aurora.engineVersion ?? "16.6",
      ...(aurora.port ? { Port: aurora.port } : {}),
      DBSubnetGroupName: subnetGroup,
      VpcSecurityGroupIds: aurora.securityGroups.map((g) => ref(g, "security group")),
      MasterUsername: "postgres",
      ...(aurora.serverless ? { ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 } } : {}),
    });
    ids.set(aurora.id, cluster.DBClusterArn);
    for (const instance of aurora.instances) {
      createDbInstance(
        ctx,
        {
          DBInstanceIdentifier: instance.id,
          Engine: aurora.engine ?? "aurora-postgresql",
          DBInstanceClass: aurora.serverless ? "db.serverless" : "db.r6g.large",
          DBClusterIdentifier: aurora.id,
        },
        instance.ip ? { privateIp: instance.ip } : {},
      );
    }
  }
  for (const fn of doc.lambdas ?? []) {
    const created = createFunction(ctx, {
      FunctionName: fn.name,
      Role: `arn:aws:iam::${accountId}:role/${fn.name}-role`,
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Code: {
        ZipFile: new TextEncoder().encode(
          "exports.handler = async () => ({ statusCode: 200, body: 'Hello from Lambda!' })",
        ),
      },
      ...(fn.subnets
        ? {
            VpcConfig: {
              SubnetIds: fn.subnets.map((s) => ref(s, "subnet")),
              SecurityGroupIds: (fn.securityGroups ?? []).map((g) => ref(g, "security group")),
            },
          }
        : {}),
    });
    ids.set(fn.name, created.FunctionArn);
  }

  // Lattice: domain verifications, gateways, configurations, networks, services, associations.
  for (const verification of doc.domainVerifications ?? []) {
    const started = call("vpc-lattice", "StartDomainVerification", { domainName: verification.domainName }) as {
      id: string;
      txtMethodConfig: { name: string; value: string };
    };
    ids.set(verification.domainName, started.id);
    if (verification.txtRecord) {
      emulator.publicDns.addTxt(
        `${started.txtMethodConfig.name}.${verification.domainName}`,
        started.txtMethodConfig.value,
      );
    }
    if (verification.status) setVerificationStatus(ctx.state, started.id, verification.status, Date.now());
  }
  for (const gateway of doc.resourceGateways ?? []) {
    force("rgw", gateway.id);
    const g = call("vpc-lattice", "CreateResourceGateway", {
      name: gateway.name,
      vpcIdentifier: ref(gateway.vpc, "VPC"),
      subnetIds: gateway.subnets.map((s) => ref(s, "subnet")),
      securityGroupIds: gateway.securityGroups.map((s) => ref(s, "security group")),
      ...(gateway.resourceConfigDnsResolution
        ? { resourceConfigDnsResolution: gateway.resourceConfigDnsResolution }
        : {}),
      ...(gateway.ipv4AddressesPerEni !== undefined ? { ipv4AddressesPerEni: gateway.ipv4AddressesPerEni } : {}),
    }) as { id: string };
    ids.set(gateway.name, g.id);
    // Service-managed gateways are made by AWS services, not through the API: marked after the fact.
    if (gateway.managedBy) ctx.state.lattice.resourceGateways[g.id]!.managedBy = gateway.managedBy;
  }
  for (const config of doc.resourceConfigurations ?? []) {
    force("rcfg", config.id);
    for (const childId of config.childIds ?? []) force("rcfg", childId);
    const definition = config.definition;
    const c = call("vpc-lattice", "CreateResourceConfiguration", {
      name: config.name,
      type: config.type,
      ...(config.gateway ? { resourceGatewayIdentifier: ref(config.gateway, "resource gateway") } : {}),
      ...(config.group ? { resourceConfigurationGroupIdentifier: ref(config.group, "resource configuration") } : {}),
      ...(config.portRanges ? { portRanges: config.portRanges } : {}),
      ...(config.customDomainName ? { customDomainName: config.customDomainName } : {}),
      ...(config.groupDomain ? { groupDomain: config.groupDomain } : {}),
      ...(config.domainVerification
        ? { domainVerificationIdentifier: ref(config.domainVerification, "domain verification") }
        : {}),
      ...(definition
        ? {
            resourceConfigurationDefinition:
              "dns" in definition
                ? { dnsResource: { domainName: definition.dns, ipAddressType: "IPV4" } }
                : "ip" in definition
                  ? { ipResource: { ipAddress: definition.ip } }
                  : "aurora" in definition
                    ? { arnResource: { arn: ref(definition.aurora, "Aurora cluster") } }
                    : { cidrResource: { cidrRanges: definition.cidrs } },
          }
        : {}),
    }) as { id: string };
    ids.set(config.name, c.id);
    if (config.amazonManaged) ctx.state.lattice.resourceConfigurations[c.id]!.amazonManaged = true;
  }
  for (const sn of doc.serviceNetworks ?? []) {
    force("sn", sn.id);
    const created = call("vpc-lattice", "CreateServiceNetwork", {
      name: sn.name,
      authType: sn.authType ?? "NONE",
      ...(sn.shareable === false ? { sharingConfig: { enabled: false } } : {}),
    }) as { id: string };
    ids.set(sn.name, created.id);
    if (sn.authPolicy)
      call("vpc-lattice", "PutAuthPolicy", { resourceIdentifier: created.id, policy: JSON.stringify(sn.authPolicy) });
  }
  for (const service of doc.services ?? []) {
    force("svc", service.id);
    const created = call("vpc-lattice", "CreateService", {
      name: service.name,
      authType: service.authType ?? "NONE",
      ...(service.customDomainName ? { customDomainName: service.customDomainName } : {}),
    }) as { id: string };
    ids.set(service.name, created.id);
    const tg = service.targetGroup;
    if (!tg) continue;
    force("tg", tg.id);
    const group = call("vpc-lattice", "CreateTargetGroup", {
      name: tg.name,
      type: tg.type,
      ...(tg.type === "IP"
        ? {
            config: {
              port: tg.port ?? 80,
              protocol: tg.protocol ?? "HTTP",
              vpcIdentifier: ref(tg.vpc!, "VPC"),
              ipAddressType: "IPV4",
            },
          }
        : {}),
    }) as { id: string };
    ids.set(tg.name, group.id);
    const listener = service.listener ?? { name: "https", protocol: "HTTPS" as const, port: 443 };
    call("vpc-lattice", "CreateListener", {
      serviceIdentifier: created.id,
      name: listener.name,
      protocol: listener.protocol,
      ...(listener.port ? { port: listener.port } : {}),
      defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: group.id, weight: 100 }] } },
    });
    if (tg.targets.length > 0) {
      call("vpc-lattice", "RegisterTargets", {
        targetGroupIdentifier: group.id,
        targets: tg.targets.map((t) =>
          tg.type === "LAMBDA" ? { id: ref(t, "Lambda function") } : { id: t, port: tg.port ?? 80 },
        ),
      });
    }
  }
  for (const association of doc.resourceAssociations ?? []) {
    for (const id of association.ids ?? []) ctx.ids.force("snra", id);
    const created = call("vpc-lattice", "CreateServiceNetworkResourceAssociation", {
      serviceNetworkIdentifier: ref(association.serviceNetwork, "service network"),
      resourceConfigurationIdentifier: ref(association.resourceConfiguration, "resource configuration"),
      ...(association.privateDnsEnabled !== undefined ? { privateDnsEnabled: association.privateDnsEnabled } : {}),
    }) as { id: string };
    ids.set(`${association.serviceNetwork}<-${association.resourceConfiguration}`, created.id);
  }
  for (const association of doc.serviceAssociations ?? []) {
    force("snsa", association.id);
    const created = call("vpc-lattice", "CreateServiceNetworkServiceAssociation", {
      serviceNetworkIdentifier: ref(association.serviceNetwork, "service network"),
      serviceIdentifier: ref(association.service, "service"),
    }) as { id: string };
    ids.set(`${association.serviceNetwork}<-${association.service}`, created.id);
  }
  for (const association of doc.vpcAssociations ?? []) {
    force("snva", association.id);
    const created = call("vpc-lattice", "CreateServiceNetworkVpcAssociation", {
      serviceNetworkIdentifier: ref(association.serviceNetwork, "service network"),
      vpcIdentifier: ref(association.vpc, "VPC"),
      securityGroupIds: (association.securityGroups ?? []).map((g) => ref(g, "security group")),
      privateDnsEnabled: association.privateDnsEnabled ?? false,
      ...(association.privateDnsPreference
        ? {
            dnsOptions: {
              privateDnsPreference: association.privateDnsPreference,
              ...(association.privateDnsSpecifiedDomains
                ? { privateDnsSpecifiedDomains: association.privateDnsSpecifiedDomains }
                : {}),
            },
          }
        : {}),
    }) as { id: string };
    ids.set(`${association.serviceNetwork}<-${association.vpc}`, created.id);
  }
  for (const endpoint of doc.endpoints ?? []) {
    force("vpce", endpoint.id);
    const arnOf = (name: string | undefined, kind: string, records: Record<string, { arn: string }>) => {
      if (!name) return undefined;
      const id = ref(name, kind);
      return id.startsWith("arn:") ? { arn: id } : records[id];
    };
    const sn = arnOf(endpoint.serviceNetwork, "service network", ctx.state.lattice.serviceNetworks);
    const config = arnOf(
      endpoint.resourceConfiguration,
      "resource configuration",
      ctx.state.lattice.resourceConfigurations,
    );
    const created = call("ec2", "CreateVpcEndpoint", {
      VpcId: ref(endpoint.vpc, "VPC"),
      VpcEndpointType: endpoint.type,
      SubnetIds: endpoint.subnets.map((s) => ref(s, "subnet")),
      SecurityGroupIds: endpoint.securityGroups.map((g) => ref(g, "security group")),
      PrivateDnsEnabled: endpoint.privateDnsEnabled ?? true,
      ...(endpoint.privateDnsPreference
        ? {
            DnsOptions: {
              PrivateDnsPreference: endpoint.privateDnsPreference,
              ...(endpoint.privateDnsSpecifiedDomains
                ? { PrivateDnsSpecifiedDomains: endpoint.privateDnsSpecifiedDomains }
                : {}),
            },
          }
        : {}),
      ...(sn ? { ServiceNetworkArn: sn.arn } : {}),
      ...(config ? { ResourceConfigurationArn: config.arn } : {}),
      TagSpecifications: [{ ResourceType: "vpc-endpoint", Tags: [{ Key: "Name", Value: endpoint.name }] }],
    }) as { VpcEndpoint: { VpcEndpointId: string } };
    ids.set(endpoint.name, created.VpcEndpoint.VpcEndpointId);
  }

  ctx.ids.clearForced();
  // A scenario starts settled: everything ACTIVE / Available.
  emulator.lifecycle.settle(ctx.state, Date.now(), true);
  return { accountId, region: doc.region, ids: Object.fromEntries(ids) };
}
