import { DescribeNetworkInterfacesCommand } from "@aws-sdk/client-ec2";
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClusterEndpointsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSubnetGroupsCommand,
  RDSClient,
} from "@aws-sdk/client-rds";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

const REGION = "ap-northeast-1";
const ACCOUNT = "111122223333";
const CLUSTER = "atlas-aurora";
const WRITER = "atlas-aurora-instance-1";
const READER = "atlas-aurora-instance-2";

let h: Harness;
let vpc: TestVpc;
let clusterArn: string;
let endpointHash: string;

beforeAll(async () => {
  h = await startHarness();
  vpc = await createTestVpc(h.ec2, 20);
});
afterAll(() => h.close());

describe("Aurora through the real RDS client", () => {
  it("creates a DB subnet group spanning two AZs of one VPC", async () => {
    const created = await h.rds.send(
      new CreateDBSubnetGroupCommand({
        DBSubnetGroupName: "Atlas-Subnets",
        DBSubnetGroupDescription: "two AZs",
        SubnetIds: vpc.subnetIds,
      }),
    );
    const group = created.DBSubnetGroup!;
    expect(group.DBSubnetGroupName).toBe("atlas-subnets");
    expect(group.VpcId).toBe(vpc.vpcId);
    expect(group.DBSubnetGroupArn).toBe(`arn:aws:rds:${REGION}:${ACCOUNT}:subgrp:atlas-subnets`);
    expect(group.SubnetGroupStatus).toBe("Complete");
    expect(group.Subnets?.map((s) => s.SubnetIdentifier)).toEqual(vpc.subnetIds);
    expect(group.Subnets?.map((s) => s.SubnetAvailabilityZone?.Name)).toEqual([`${REGION}a`, `${REGION}c`]);

    const described = await h.rds.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: "atlas-subnets" }));
    expect(described.DBSubnetGroups).toHaveLength(1);
    expect(described.DBSubnetGroups![0]!.VpcId).toBe(vpc.vpcId);
  });

  it("rejects a subnet group that covers only one AZ", async () => {
    const oneAz = await createTestVpc(h.ec2, 21, { zones: [`${REGION}a`, `${REGION}a`], groups: 0 });
    const error = await sdkError(() =>
      h.rds.send(
        new CreateDBSubnetGroupCommand({
          DBSubnetGroupName: "one-az",
          DBSubnetGroupDescription: "one AZ",
          SubnetIds: oneAz.subnetIds,
        }),
      ),
    );
    expect(error.name).toBe("DBSubnetGroupDoesNotCoverEnoughAZs");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain("Availability Zone");
    const gone = await sdkError(() => h.rds.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: "one-az" })));
    expect(gone.name).toBe("DBSubnetGroupNotFoundFault");
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it("creates an aurora-postgresql cluster with writer and reader endpoints", async () => {
    const created = await h.rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: CLUSTER,
        Engine: "aurora-postgresql",
        EngineVersion: "16.6",
        DBSubnetGroupName: "atlas-subnets",
        VpcSecurityGroupIds: [vpc.groupIds[0]!],
        MasterUsername: "postgres",
        DatabaseName: "atlas",
        ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 4 },
        Tags: [{ Key: "team", Value: "atlas" }],
      }),
    );
    const cluster = created.DBCluster!;
    clusterArn = cluster.DBClusterArn!;
    expect(clusterArn).toBe(`arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${CLUSTER}`);
    expect(cluster.DBClusterIdentifier).toBe(CLUSTER);
    expect(cluster.Engine).toBe("aurora-postgresql");
    expect(cluster.EngineVersion).toBe("16.6");
    expect(cluster.Status).toBe("available");
    expect(cluster.Port).toBe(5432);
    expect(cluster.DbClusterResourceId).toMatch(/^cluster-[A-Z0-9]{26}$/);
    const writer = new RegExp(`^${CLUSTER}\\.cluster-([a-z0-9]{12})\\.${REGION}\\.rds\\.amazonaws\\.com$`).exec(
      cluster.Endpoint!,
    );
    expect(writer, cluster.Endpoint).not.toBeNull();
    endpointHash = writer![1]!;
    expect(cluster.ReaderEndpoint).toBe(`${CLUSTER}.cluster-ro-${endpointHash}.${REGION}.rds.amazonaws.com`);
    expect(cluster.VpcSecurityGroups).toEqual([{ VpcSecurityGroupId: vpc.groupIds[0], Status: "active" }]);
    expect(cluster.DBSubnetGroup).toBe("atlas-subnets");
    expect(cluster.AvailabilityZones?.sort()).toEqual([`${REGION}a`, `${REGION}c`]);
    expect(cluster.DatabaseName).toBe("atlas");
    expect(cluster.MasterUsername).toBe("postgres");
    expect(cluster.ServerlessV2ScalingConfiguration).toEqual({ MinCapacity: 0.5, MaxCapacity: 4 });
    expect(cluster.TagList).toEqual([{ Key: "team", Value: "atlas" }]);
    expect(cluster.ClusterCreateTime).toBeInstanceOf(Date);
    expect(cluster.DBClusterMembers ?? []).toEqual([]);
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a duplicate cluster with DBClusterAlreadyExistsFault", async () => {
    const error = await sdkError(() =>
      h.rds.send(
        new CreateDBClusterCommand({
          DBClusterIdentifier: CLUSTER.toUpperCase(),
          Engine: "aurora-postgresql",
          DBSubnetGroupName: "atlas-subnets",
        }),
      ),
    );
    expect(error.name).toBe("DBClusterAlreadyExistsFault");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$fault).toBe("client");
  });

  it("adds two instances; the first is the cluster writer", async () => {
    const first = await h.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: WRITER,
        DBClusterIdentifier: CLUSTER,
        DBInstanceClass: "db.serverless",
        Engine: "aurora-postgresql",
      }),
    );
    expect(first.DBInstance?.DBInstanceIdentifier).toBe(WRITER);
    expect(first.DBInstance?.DBClusterIdentifier).toBe(CLUSTER);
    expect(first.DBInstance?.DBInstanceStatus).toBe("available");
    expect(first.DBInstance?.DBInstanceArn).toBe(`arn:aws:rds:${REGION}:${ACCOUNT}:db:${WRITER}`);
    await h.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: READER,
        DBClusterIdentifier: clusterArn,
        DBInstanceClass: "db.serverless",
        Engine: "aurora-postgresql",
      }),
    );

    const { DBClusters } = await h.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER }));
    expect(DBClusters).toHaveLength(1);
    const members = DBClusters![0]!.DBClusterMembers!;
    expect(members.map((m) => [m.DBInstanceIdentifier, m.IsClusterWriter])).toEqual([
      [WRITER, true],
      [READER, false],
    ]);
    expect(members.every((m) => m.DBClusterParameterGroupStatus === "in-sync")).toBe(true);

    // Each instance has an RDS-managed interface in the subnet group's VPC.
    const enis = await h.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.vpcId] }] }),
    );
    const rdsEnis = (enis.NetworkInterfaces ?? []).filter((n) => n.Description === "RDSNetworkInterface");
    expect(rdsEnis).toHaveLength(2);
    expect(new Set(rdsEnis.map((n) => n.AvailabilityZone))).toEqual(new Set([`${REGION}a`, `${REGION}c`]));
  });

  it("describes the cluster by identifier, by ARN and with a db-cluster-id filter", async () => {
    const byId = await h.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER }));
    const byArn = await h.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: clusterArn }));
    expect(byArn.DBClusters?.map((c) => c.DBClusterArn)).toEqual([clusterArn]);
    expect(byArn.DBClusters![0]!.Endpoint).toBe(byId.DBClusters![0]!.Endpoint);

    // A second cluster, so that filters have something to exclude.
    await h.rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "other-aurora",
        Engine: "aurora-mysql",
        DBSubnetGroupName: "atlas-subnets",
        VpcSecurityGroupIds: [vpc.groupIds[1]!],
      }),
    );
    const all = await h.rds.send(new DescribeDBClustersCommand({}));
    expect(all.DBClusters?.map((c) => c.DBClusterIdentifier).sort()).toEqual([CLUSTER, "other-aurora"]);
    const other = all.DBClusters!.find((c) => c.DBClusterIdentifier === "other-aurora")!;
    expect(other.Port).toBe(3306);
    expect(other.Endpoint).toBe(`other-aurora.cluster-${endpointHash}.${REGION}.rds.amazonaws.com`);

    const filteredById = await h.rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: "db-cluster-id", Values: [CLUSTER] }] }),
    );
    expect(filteredById.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual([CLUSTER]);
    const filteredByArn = await h.rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: "db-cluster-id", Values: [clusterArn, "nope"] }] }),
    );
    expect(filteredByArn.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual([CLUSTER]);
    const byEngine = await h.rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: "engine", Values: ["aurora-mysql"] }] }),
    );
    expect(byEngine.DBClusters?.map((c) => c.DBClusterIdentifier)).toEqual(["other-aurora"]);
    const none = await h.rds.send(
      new DescribeDBClustersCommand({ Filters: [{ Name: "db-cluster-id", Values: ["missing"] }] }),
    );
    expect(none.DBClusters ?? []).toEqual([]);
  });

  it("describes the instances of a cluster with a db-cluster-id filter", async () => {
    const { DBInstances } = await h.rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: [CLUSTER] }] }),
    );
    expect(DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual([WRITER, READER]);
    for (const instance of DBInstances!) {
      expect(instance.Endpoint?.Address).toBe(
        `${instance.DBInstanceIdentifier}.${endpointHash}.${REGION}.rds.amazonaws.com`,
      );
      expect(instance.Endpoint?.Port).toBe(5432);
      expect(instance.DBSubnetGroup?.VpcId).toBe(vpc.vpcId);
      expect(instance.DBSubnetGroup?.DBSubnetGroupName).toBe("atlas-subnets");
      expect(instance.DBSubnetGroup?.Subnets).toHaveLength(2);
      expect(instance.VpcSecurityGroups).toEqual([{ VpcSecurityGroupId: vpc.groupIds[0], Status: "active" }]);
      expect(instance.Engine).toBe("aurora-postgresql");
      expect(instance.DBInstanceClass).toBe("db.serverless");
    }
    expect(new Set(DBInstances!.map((i) => i.AvailabilityZone))).toEqual(new Set([`${REGION}a`, `${REGION}c`]));

    const byArnFilter = await h.rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: [clusterArn] }] }),
    );
    expect(byArnFilter.DBInstances).toHaveLength(2);
    const otherCluster = await h.rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: ["other-aurora"] }] }),
    );
    expect(otherCluster.DBInstances ?? []).toEqual([]);
    const one = await h.rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${READER}` }),
    );
    expect(one.DBInstances?.map((i) => i.DBInstanceIdentifier)).toEqual([READER]);
  });

  it("lists the built-in WRITER and READER cluster endpoints", async () => {
    const { DBClusterEndpoints } = await h.rds.send(
      new DescribeDBClusterEndpointsCommand({ DBClusterIdentifier: CLUSTER }),
    );
    expect(DBClusterEndpoints?.map((e) => [e.EndpointType, e.Endpoint, e.Status, e.DBClusterIdentifier])).toEqual([
      ["WRITER", `${CLUSTER}.cluster-${endpointHash}.${REGION}.rds.amazonaws.com`, "available", CLUSTER],
      ["READER", `${CLUSTER}.cluster-ro-${endpointHash}.${REGION}.rds.amazonaws.com`, "available", CLUSTER],
    ]);
    const readers = await h.rds.send(
      new DescribeDBClusterEndpointsCommand({
        DBClusterIdentifier: clusterArn,
        Filters: [{ Name: "db-cluster-endpoint-type", Values: ["reader"] }],
      }),
    );
    expect(readers.DBClusterEndpoints?.map((e) => e.EndpointType)).toEqual(["READER"]);
    const everyCluster = await h.rds.send(new DescribeDBClusterEndpointsCommand({}));
    expect(everyCluster.DBClusterEndpoints).toHaveLength(4);
  });

  it("resolves the cluster and instance names to the instances' interface addresses (control DNS)", async () => {
    const enis = await h.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "description", Values: ["RDSNetworkInterface"] }] }),
    );
    const { DBInstances } = await h.rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: [CLUSTER] }] }),
    );
    const ipOf = (id: string) => {
      const az = DBInstances!.find((i) => i.DBInstanceIdentifier === id)!.AvailabilityZone;
      return enis.NetworkInterfaces!.find((n) => n.AvailabilityZone === az && n.VpcId === vpc.vpcId)!.PrivateIpAddress!;
    };
    const resolve = async (name: string) =>
      (await h.control("GET", `/_emulator/dns?name=${encodeURIComponent(name)}`)).body;
    const writer = await resolve(`${CLUSTER}.cluster-${endpointHash}.${REGION}.rds.amazonaws.com`);
    expect(writer).toEqual({
      name: `${CLUSTER}.cluster-${endpointHash}.${REGION}.rds.amazonaws.com`,
      addresses: [ipOf(WRITER)],
      kind: "rds-writer",
      vpcId: vpc.vpcId,
    });
    const reader = await resolve(`${CLUSTER}.cluster-ro-${endpointHash}.${REGION}.rds.amazonaws.com`);
    expect(reader.addresses).toEqual([ipOf(READER)]);
    expect(reader.kind).toBe("rds-reader");
    const instance = await resolve(DBInstances!.find((i) => i.DBInstanceIdentifier === READER)!.Endpoint!.Address!);
    expect(instance).toMatchObject({ kind: "rds-instance", addresses: [ipOf(READER)] });
    // A name RDS never issued does not resolve, even if it starts with an instance identifier.
    const wrongHash = await h.control("GET", `/_emulator/dns?name=${WRITER}.zzzzzzzzzzzz.${REGION}.rds.amazonaws.com`);
    expect(wrongHash.status).toBe(404);
  });

  it("tells a cluster endpoint from an instance endpoint when a cluster and an instance share an identifier", async () => {
    await h.rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "alpha",
        Engine: "aurora-postgresql",
        DBSubnetGroupName: "atlas-subnets",
      }),
    );
    await h.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: "beta",
        DBClusterIdentifier: "alpha",
        DBInstanceClass: "db.serverless",
        Engine: "aurora-postgresql",
      }),
    );
    await h.rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "beta",
        Engine: "aurora-postgresql",
        DBSubnetGroupName: "atlas-subnets",
      }),
    );
    await h.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: "beta-1",
        DBClusterIdentifier: "beta",
        DBInstanceClass: "db.serverless",
        Engine: "aurora-postgresql",
      }),
    );
    const { DBInstances } = await h.rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-instance-id", Values: ["beta", "beta-1"] }] }),
    );
    expect(DBInstances).toHaveLength(2);
    const { DBClusters } = await h.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "beta" }));
    const answer = (await h.control("GET", `/_emulator/dns?name=${DBClusters![0]!.Endpoint}`)).body;
    expect(answer.kind).toBe("rds-writer");
    const instanceAnswer = (
      await h.control(
        "GET",
        `/_emulator/dns?name=${DBInstances!.find((i) => i.DBInstanceIdentifier === "beta")!.Endpoint!.Address}`,
      )
    ).body;
    expect(instanceAnswer.kind).toBe("rds-instance");
    expect(answer.addresses).toHaveLength(1);
    expect(answer.addresses).not.toEqual(instanceAnswer.addresses);

    for (const id of ["beta", "beta-1"])
      await h.rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: id, SkipFinalSnapshot: true }));
    for (const id of ["alpha", "beta"])
      await h.rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: id, SkipFinalSnapshot: true }));
  });

  it("answers DBClusterNotFoundFault (404) and DBInstanceNotFoundFault for unknown identifiers", async () => {
    const cluster = await sdkError(() =>
      h.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "no-such-cluster" })),
    );
    expect(cluster.name).toBe("DBClusterNotFoundFault");
    expect(cluster.$metadata.httpStatusCode).toBe(404);
    expect(cluster.message).toContain("no-such-cluster");
    expect(cluster.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const byArn = await sdkError(() =>
      h.rds.send(
        new DescribeDBClusterEndpointsCommand({
          DBClusterIdentifier: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:ghost`,
        }),
      ),
    );
    expect(byArn.name).toBe("DBClusterNotFoundFault");

    const instance = await sdkError(() =>
      h.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "no-such-instance" })),
    );
    expect(instance.name).toBe("DBInstanceNotFoundFault");
    expect(instance.$metadata.httpStatusCode).toBe(404);
    expect(instance.message).toContain("no-such-instance");

    const orphan = await sdkError(() =>
      h.rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: "orphan",
          DBClusterIdentifier: "no-such-cluster",
          DBInstanceClass: "db.r6g.large",
          Engine: "aurora-postgresql",
        }),
      ),
    );
    expect(orphan.name).toBe("DBClusterNotFoundFault");
  });

  it("rejects MaxRecords below 20 with InvalidParameterValue", async () => {
    const error = await sdkError(() => h.rds.send(new DescribeDBClustersCommand({ MaxRecords: 5 })));
    expect(error.name).toBe("InvalidParameterValue");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain("MaxRecords");
    const instances = await sdkError(() => h.rds.send(new DescribeDBInstancesCommand({ MaxRecords: 101 })));
    expect(instances.name).toBe("InvalidParameterValue");
    const ok = await h.rds.send(new DescribeDBClustersCommand({ MaxRecords: 20 }));
    expect(ok.DBClusters).toHaveLength(2);
    expect(ok.Marker).toBeUndefined();
  });

  it("pages DescribeDBClusters with MaxRecords and Marker, and rejects unknown filter names (in another account)", async () => {
    const account = "210987654321";
    const rds = new RDSClient({
      region: REGION,
      endpoint: h.url,
      credentials: { accessKeyId: account, secretAccessKey: "test" },
      maxAttempts: 1,
    });
    try {
      // Nothing to filter yet: the filter name is still checked.
      const unknown = await sdkError(() =>
        rds.send(new DescribeDBClustersCommand({ Filters: [{ Name: "vpc-id", Values: ["vpc-1"] }] })),
      );
      expect(unknown.name).toBe("InvalidParameterValue");
      expect(unknown.message).toContain("vpc-id");
      const unknownEndpoint = await sdkError(() =>
        rds.send(new DescribeDBClusterEndpointsCommand({ Filters: [{ Name: "nope", Values: ["x"] }] })),
      );
      expect(unknownEndpoint.name).toBe("InvalidParameterValue");
      expect((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? []).toEqual([]);

      const other = await createTestVpc(h.clientsFor(account).ec2, 22, { groups: 0 });
      await rds.send(
        new CreateDBSubnetGroupCommand({
          DBSubnetGroupName: "paging",
          DBSubnetGroupDescription: "paging",
          SubnetIds: other.subnetIds,
        }),
      );
      const ids = Array.from({ length: 23 }, (_, i) => `paged-${String(i).padStart(2, "0")}`);
      for (const id of ids)
        await rds.send(
          new CreateDBClusterCommand({
            DBClusterIdentifier: id,
            Engine: "aurora-postgresql",
            DBSubnetGroupName: "paging",
          }),
        );

      const first = await rds.send(new DescribeDBClustersCommand({ MaxRecords: 20 }));
      expect(first.DBClusters).toHaveLength(20);
      expect(first.Marker).toBeTruthy();
      const second = await rds.send(new DescribeDBClustersCommand({ MaxRecords: 20, Marker: first.Marker }));
      expect(second.DBClusters).toHaveLength(3);
      expect(second.Marker).toBeUndefined();
      expect([...first.DBClusters!, ...second.DBClusters!].map((c) => c.DBClusterIdentifier)).toEqual(ids);
      // The other account's clusters use its own ARNs and are invisible to the default account.
      expect(first.DBClusters![0]!.DBClusterArn).toBe(`arn:aws:rds:${REGION}:${account}:cluster:paged-00`);
      const mine = await h.rds.send(new DescribeDBClustersCommand({}));
      expect(mine.DBClusters?.map((c) => c.DBClusterIdentifier)).not.toContain("paged-00");

      const badMarker = await sdkError(() => rds.send(new DescribeDBClustersCommand({ Marker: "not-a-marker" })));
      expect(badMarker.name).toBe("InvalidParameterValue");
    } finally {
      rds.destroy();
    }
  });

  it("refuses to delete a cluster that still has instances, then deletes it once they are gone", async () => {
    const error = await sdkError(() =>
      h.rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: CLUSTER, SkipFinalSnapshot: true })),
    );
    expect(error.name).toBe("InvalidDBClusterStateFault");
    expect(error.$metadata.httpStatusCode).toBe(400);
    const still = await h.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER }));
    expect(still.DBClusters![0]!.Status).toBe("available");

    for (const id of [READER, WRITER]) {
      const deleted = await h.rds.send(
        new DeleteDBInstanceCommand({ DBInstanceIdentifier: id, SkipFinalSnapshot: true }),
      );
      expect(deleted.DBInstance?.DBInstanceStatus).toBe("deleting");
    }
    const enis = await h.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.vpcId] }] }),
    );
    expect((enis.NetworkInterfaces ?? []).filter((n) => n.Description === "RDSNetworkInterface")).toEqual([]);

    const deleted = await h.rds.send(
      new DeleteDBClusterCommand({ DBClusterIdentifier: clusterArn, SkipFinalSnapshot: true }),
    );
    expect(deleted.DBCluster?.Status).toBe("deleting");
    const gone = await sdkError(() => h.rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: CLUSTER })));
    expect(gone.name).toBe("DBClusterNotFoundFault");
  });
});
