import {
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointAssociationsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { DescribeDBClustersCommand } from "@aws-sdk/client-rds";
import {
  GetServiceNetworkVpcAssociationCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworksCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListServicesCommand,
  ListTargetsCommand,
  ListTargetGroupsCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../testing/harness.js";

const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const READER_SNRA = "snra-0293fb8b823d3c65c.rcfg-0ba7ebc5ff6368de5.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_HOST = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const SERVICE_HOST = "zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenario: "field-report" });
});
afterAll(() => h.close());

describe("the field-report scenario, read back through the SDK", () => {
  it("carries the report's per-association DNS names for the Aurora writer and reader", async () => {
    const networks = await h.lattice.send(new ListServiceNetworksCommand({}));
    expect(networks.items).toHaveLength(1);
    const sn = networks.items![0]!;
    const associations = await h.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn.id, includeChildren: true }),
    );
    const names = associations.items!.map((a) => a.dnsEntry?.domainName).filter(Boolean);
    expect(names).toEqual([WRITER_SNRA, READER_SNRA]);
    const writer = associations.items!.find((a) => a.dnsEntry?.domainName === WRITER_SNRA)!;
    expect(writer.privateDnsEntry?.domainName).toBe(WRITER_HOST);
    expect(writer.isManagedAssociation).toBe(true);
    expect(writer.status).toBe("ACTIVE");
  });

  it("models the Aurora cluster, its writer at 10.0.143.144 and the report's security-group rule", async () => {
    const clusters = await h.rds.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: "zenn-aurora-serverless-dev" }),
    );
    const cluster = clusters.DBClusters![0]!;
    expect(cluster.Endpoint).toBe(WRITER_HOST);
    expect(cluster.Port).toBe(5432);
    expect(cluster.Engine).toBe("aurora-postgresql");
    const answer = await h.control("GET", `/_emulator/dns?name=${WRITER_HOST}`);
    expect(answer.body.addresses).toEqual(["10.0.143.144"]);

    const groups = await h.ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: cluster.VpcSecurityGroups!.map((g) => g.VpcSecurityGroupId!) }),
    );
    const rule = groups.SecurityGroups![0]!.IpPermissions!.find((p) => p.FromPort === 5432)!;
    const source = await h.ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [rule.UserIdGroupPairs![0]!.GroupId!] }),
    );
    expect(source.SecurityGroups![0]!.GroupName).toBe("resource-gateway-sg");
  });

  it("lays out the three patterns: a Resource endpoint, a ServiceNetwork endpoint and a VPC association", async () => {
    const vpcs = await h.ec2.send(
      new DescribeVpcsCommand({ Filters: [{ Name: "tag:atlas:role", Values: ["consumer"] }] }),
    );
    expect(vpcs.Vpcs).toHaveLength(3);
    const endpoints = await h.ec2.send(
      new DescribeVpcEndpointsCommand({
        Filters: [{ Name: "vpc-endpoint-type", Values: ["Resource", "ServiceNetwork"] }],
      }),
    );
    expect(endpoints.VpcEndpoints!.map((e) => e.VpcEndpointType).sort()).toEqual(["Resource", "ServiceNetwork"]);
    expect(endpoints.VpcEndpoints!.every((e) => e.PrivateDnsEnabled && e.State === "Available")).toBe(true);

    const rows = await h.ec2.send(new DescribeVpcEndpointAssociationsCommand({}));
    const resourceEndpoint = endpoints.VpcEndpoints!.find((e) => e.VpcEndpointType === "Resource")!;
    const resourceRows = rows.VpcEndpointAssociations!.filter(
      (r) => r.VpcEndpointId === resourceEndpoint.VpcEndpointId,
    );
    expect(resourceRows.map((r) => r.PrivateDnsEntry?.DnsName)).toContain(WRITER_HOST);
    expect(resourceRows.every((r) => /^vpce-[0-9a-f]{17}-snra-[0-9a-f]{17}\.rcfg-/.test(r.DnsEntry!.DnsName!))).toBe(
      true,
    );
    const snEndpoint = endpoints.VpcEndpoints!.find((e) => e.VpcEndpointType === "ServiceNetwork")!;
    const snRows = rows.VpcEndpointAssociations!.filter((r) => r.VpcEndpointId === snEndpoint.VpcEndpointId);
    expect(snRows.map((r) => r.DnsEntry!.DnsName)).toEqual([
      `${snEndpoint.VpcEndpointId}-${WRITER_SNRA}`,
      `${snEndpoint.VpcEndpointId}-${READER_SNRA}`,
      expect.stringMatching(
        new RegExp(
          `^${snEndpoint.VpcEndpointId}-snsa-[0-9a-f]{17}\\.7d67968\\.vpc-lattice-svcs\\.ap-northeast-1\\.on\\.aws$`,
        ),
      ),
    ]);

    const sn = (await h.lattice.send(new ListServiceNetworksCommand({}))).items![0]!;
    const endpointAssociations = await h.lattice.send(
      new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: sn.id }),
    );
    expect(endpointAssociations.items?.map((e) => e.vpcEndpointId)).toEqual([snEndpoint.VpcEndpointId]);

    const vpcAssociations = await h.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: sn.id }),
    );
    expect(vpcAssociations.items).toHaveLength(1);
    const snva = await h.lattice.send(
      new GetServiceNetworkVpcAssociationCommand({
        serviceNetworkVpcAssociationIdentifier: vpcAssociations.items![0]!.id,
      }),
    );
    expect(snva.privateDnsEnabled).toBe(false);
    expect(snva.securityGroupIds).toHaveLength(1);
  });

  it("serves the Lattice service at the report's name with a healthy Lambda target", async () => {
    const services = await h.lattice.send(new ListServicesCommand({}));
    expect(services.items?.map((s) => s.dnsEntry?.domainName)).toEqual([SERVICE_HOST]);
    const sn = (await h.lattice.send(new ListServiceNetworksCommand({}))).items![0]!;
    const snsa = await h.lattice.send(
      new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: sn.id }),
    );
    expect(snsa.items?.[0]?.dnsEntry?.domainName).toBe(SERVICE_HOST);
    const groups = await h.lattice.send(new ListTargetGroupsCommand({}));
    const targets = await h.lattice.send(new ListTargetsCommand({ targetGroupIdentifier: groups.items![0]!.id }));
    expect(targets.items?.[0]?.status).toBe("HEALTHY");
    expect(targets.items?.[0]?.id).toMatch(/^arn:aws:lambda:ap-northeast-1:111122223333:function:/);
  });
});
