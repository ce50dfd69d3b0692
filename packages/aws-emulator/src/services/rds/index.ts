/** RDS (awsQuery, API 2014-10-31): enough of Aurora to model writer/reader endpoints, ports, security groups and VPCs. */
import { createHash } from "node:crypto";
import * as RdsModel from "@aws-sdk/client-rds";
import type {
  CreateDBClusterMessage,
  CreateDBInstanceMessage,
  CreateDBSubnetGroupMessage,
  DeleteDBClusterMessage,
  DeleteDBSubnetGroupMessage,
  DescribeGlobalClustersMessage,
  ListTagsForResourceMessage,
  DeleteDBInstanceMessage,
  DescribeDBClusterEndpointsMessage,
  DescribeDBClustersMessage,
  DescribeDBInstancesMessage,
  DescribeDBSubnetGroupsMessage,
  Filter,
} from "@aws-sdk/client-rds";
import { paginate } from "../../core/pagination.js";
import type { Handler, HandlerContext } from "../../core/service.js";
import { operationsOf } from "../../protocols/model.js";
import { createManagedInterface, removeInterfacesOf } from "../ec2/network.js";
import { rdsError, rdsServiceErrors } from "./errors.js";
import type { DbClusterRecord, DbInstanceRecord, DbSubnetGroupRecord } from "./state.js";

const IDENTIFIER = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}(?<!-)$/;
const DEFAULT_PORTS: Record<string, number> = {
  "aurora-postgresql": 5432,
  "aurora-mysql": 3306,
  postgres: 5432,
  mysql: 3306,
};

function page<T>(
  ctx: HandlerContext,
  items: T[],
  input: { MaxRecords?: number | undefined; Marker?: string | undefined },
  scope: string,
) {
  if (input.MaxRecords !== undefined && (input.MaxRecords < 20 || input.MaxRecords > 100)) {
    throw rdsError(
      "InvalidParameterValue",
      `Invalid value ${input.MaxRecords} for MaxRecords. Must be between 20 and 100`,
    );
  }
  return paginate(items, {
    maxResults: input.MaxRecords,
    nextToken: input.Marker,
    defaultSize: 100,
    scope: `${ctx.operation}:${scope}`,
    invalidToken: () => rdsError("InvalidParameterValue", "The marker is invalid."),
  });
}

function endpointHash(ctx: HandlerContext): string {
  if (!ctx.state.rds.endpointHash) {
    const hex = createHash("sha256").update(`${ctx.accountId}:${ctx.region}`).digest("hex");
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    let out = "";
    for (let i = 0; i < 12; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36];
    ctx.state.rds.endpointHash = out;
  }
  return ctx.state.rds.endpointHash;
}

/**
 * Keeps the items every filter matches. Filter names are checked up front, so an
 * unknown name is an error even when there is nothing to filter.
 */
function filterBy<T>(
  items: T[],
  filters: Filter[] | undefined,
  known: readonly string[],
  valuesOf: (item: T) => Record<string, string[]>,
): T[] {
  for (const f of filters ?? []) {
    if (!known.includes(f.Name ?? "")) throw rdsError("InvalidParameterValue", `Unrecognized filter name: ${f.Name}`);
  }
  if (!filters?.length) return items;
  return items.filter((item) => {
    const values = valuesOf(item);
    return filters.every((f) => (f.Values ?? []).some((v) => (values[f.Name!] ?? []).includes(v)));
  });
}

const CLUSTER_FILTERS = ["db-cluster-id", "engine", "db-cluster-resource-id"] as const;
const ENDPOINT_FILTERS = [
  "db-cluster-endpoint-type",
  "db-cluster-endpoint-status",
  "db-cluster-endpoint-id",
  "db-cluster-endpoint-custom-type",
] as const;
const INSTANCE_FILTERS = ["db-cluster-id", "db-instance-id", "dbi-resource-id", "engine"] as const;

const idFromArn = (value: string, kind: string): string =>
  value.startsWith("arn:") ? (value.split(`:${kind}:`)[1] ?? value) : value;

/* ------------------------------- subnet groups ------------------------------- */

function createDbSubnetGroup(ctx: HandlerContext, input: CreateDBSubnetGroupMessage): DbSubnetGroupRecord {
  const name = input.DBSubnetGroupName!.toLowerCase();
  if (ctx.state.rds.subnetGroups[name])
    throw rdsError("DBSubnetGroupAlreadyExists", `The DB subnet group '${name}' already exists.`);
  const subnets = (input.SubnetIds ?? []).map((id) => {
    const subnet = ctx.state.ec2.subnets[id];
    if (!subnet) throw rdsError("InvalidSubnet", `The subnet ${id} does not exist.`);
    return subnet;
  });
  const vpcs = new Set(subnets.map((s) => s.VpcId));
  if (vpcs.size !== 1) throw rdsError("InvalidSubnet", "All subnets of a DB subnet group must be in one VPC.");
  if (new Set(subnets.map((s) => s.AvailabilityZone)).size < 2) {
    throw rdsError(
      "DBSubnetGroupDoesNotCoverEnoughAZs",
      "The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: 1. Add subnets to cover at least 2 AZs.",
    );
  }
  const record: DbSubnetGroupRecord = {
    DBSubnetGroupName: name,
    DBSubnetGroupDescription: input.DBSubnetGroupDescription!,
    DBSubnetGroupArn: `arn:aws:rds:${ctx.region}:${ctx.accountId}:subgrp:${name}`,
    VpcId: [...vpcs][0]!,
    SubnetGroupStatus: "Complete",
    TagList: (input.Tags ?? []).map((t) => ({ Key: t.Key ?? "", Value: t.Value ?? "" })),
    Subnets: subnets.map((s) => ({
      SubnetIdentifier: s.SubnetId,
      SubnetAvailabilityZone: { Name: s.AvailabilityZone },
      SubnetStatus: "Active",
    })),
  };
  ctx.state.rds.subnetGroups[name] = record;
  return record;
}

const describeDbSubnetGroups: Handler = (input: DescribeDBSubnetGroupsMessage, ctx) => {
  let all = Object.values(ctx.state.rds.subnetGroups);
  if (input.DBSubnetGroupName) {
    const group = ctx.state.rds.subnetGroups[input.DBSubnetGroupName.toLowerCase()];
    if (!group)
      throw rdsError("DBSubnetGroupNotFoundFault", `DBSubnetGroup ${input.DBSubnetGroupName} not found.`, 404);
    all = [group];
  }
  const p = page(ctx, all, input, "subnet-groups");
  return { DBSubnetGroups: p.items, Marker: p.nextToken };
};

const deleteDbSubnetGroup: Handler = (input: DeleteDBSubnetGroupMessage, ctx) => {
  const name = input.DBSubnetGroupName!.toLowerCase();
  const group = ctx.state.rds.subnetGroups[name];
  if (!group) throw rdsError("DBSubnetGroupNotFoundFault", `DBSubnetGroup ${input.DBSubnetGroupName} not found.`, 404);
  const cluster = Object.values(ctx.state.rds.clusters).find((c) => c.DBSubnetGroup === name);
  const instance = Object.values(ctx.state.rds.instances).find((i) => i.DBSubnetGroupName === name);
  if (cluster || instance) {
    throw rdsError(
      "InvalidDBSubnetGroupStateFault",
      `Cannot delete the subnet group '${name}' because at least one database ${cluster ? `cluster: ${cluster.DBClusterIdentifier}` : `instance: ${instance!.DBInstanceIdentifier}`} is still using it.`,
    );
  }
  delete ctx.state.rds.subnetGroups[name];
  return {};
};

/* --------------------------------- clusters --------------------------------- */

function findCluster(ctx: HandlerContext, identifier: string): DbClusterRecord {
  const id = idFromArn(identifier, "cluster").toLowerCase();
  const cluster = ctx.state.rds.clusters[id];
  if (!cluster) throw rdsError("DBClusterNotFoundFault", `DBCluster ${identifier} not found.`, 404);
  return cluster;
}

export function createDbCluster(ctx: HandlerContext, input: CreateDBClusterMessage): DbClusterRecord {
  const id = input.DBClusterIdentifier!.toLowerCase();
  if (!IDENTIFIER.test(id))
    throw rdsError("InvalidParameterValue", `The parameter DBClusterIdentifier is not a valid identifier: ${id}`);
  if (ctx.state.rds.clusters[id]) throw rdsError("DBClusterAlreadyExistsFault", `DB Cluster already exists`);
  const engine = input.Engine!;
  if (!engine.startsWith("aurora"))
    throw rdsError("InvalidParameterValue", `The emulator models Aurora clusters; engine ${engine} is not supported.`);
  const subnetGroupName = (input.DBSubnetGroupName ?? "default").toLowerCase();
  const subnetGroup = ctx.state.rds.subnetGroups[subnetGroupName];
  if (!subnetGroup) throw rdsError("DBSubnetGroupNotFoundFault", `DBSubnetGroup '${subnetGroupName}' not found.`, 404);
  const groups = input.VpcSecurityGroupIds ?? [];
  for (const groupId of groups) {
    const group = ctx.state.ec2.securityGroups[groupId];
    if (!group || group.VpcId !== subnetGroup.VpcId)
      throw rdsError("InvalidParameterCombination", `Security group ${groupId} is not in ${subnetGroup.VpcId}.`);
  }
  const hash = endpointHash(ctx);
  const record: DbClusterRecord = {
    DBClusterIdentifier: id,
    DBClusterArn: `arn:aws:rds:${ctx.region}:${ctx.accountId}:cluster:${id}`,
    DbClusterResourceId: `cluster-${ctx.ids.upper(26)}`,
    Engine: engine,
    EngineVersion: input.EngineVersion ?? (engine === "aurora-postgresql" ? "16.6" : "8.0.mysql_aurora.3.08.0"),
    EngineMode: input.EngineMode ?? "provisioned",
    Status: "available",
    Endpoint: `${id}.cluster-${hash}.${ctx.region}.rds.amazonaws.com`,
    ReaderEndpoint: `${id}.cluster-ro-${hash}.${ctx.region}.rds.amazonaws.com`,
    Port: input.Port ?? DEFAULT_PORTS[engine] ?? 5432,
    HostedZoneId: "Z24O6O9L7SGTNB",
    DBSubnetGroup: subnetGroupName,
    VpcSecurityGroupIds: groups,
    AvailabilityZones: [...new Set(subnetGroup.Subnets.map((s) => s.SubnetAvailabilityZone.Name))],
    MultiAZ: false,
    PubliclyAccessible: input.PubliclyAccessible ?? false,
    IAMDatabaseAuthenticationEnabled: input.EnableIAMDatabaseAuthentication ?? false,
    StorageEncrypted: input.StorageEncrypted ?? true,
    ...(input.DatabaseName ? { DatabaseName: input.DatabaseName } : {}),
    ...(input.MasterUsername ? { MasterUsername: input.MasterUsername } : {}),
    ClusterCreateTime: ctx.nowIso,
    ...(input.ServerlessV2ScalingConfiguration
      ? {
          ServerlessV2ScalingConfiguration: {
            MinCapacity: input.ServerlessV2ScalingConfiguration.MinCapacity ?? 0.5,
            MaxCapacity: input.ServerlessV2ScalingConfiguration.MaxCapacity ?? 1,
          },
        }
      : {}),
    endpointHash: hash,
    TagList: (input.Tags ?? []).map((t) => ({ Key: t.Key ?? "", Value: t.Value ?? "" })),
  };
  ctx.state.rds.clusters[id] = record;
  return record;
}

function instancesOf(ctx: HandlerContext, clusterId: string): DbInstanceRecord[] {
  return Object.values(ctx.state.rds.instances).filter((i) => i.DBClusterIdentifier === clusterId);
}

function clusterView(ctx: HandlerContext, c: DbClusterRecord) {
  const members = instancesOf(ctx, c.DBClusterIdentifier);
  return {
    ...c,
    ClusterCreateTime: new Date(c.ClusterCreateTime),
    VpcSecurityGroups: c.VpcSecurityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: "active" })),
    DBClusterMembers: members.map((m, index) => ({
      DBInstanceIdentifier: m.DBInstanceIdentifier,
      IsClusterWriter: index === 0,
      DBClusterParameterGroupStatus: "in-sync",
      PromotionTier: m.PromotionTier,
    })),
    CustomEndpoints: [],
  };
}

const describeDbClusters: Handler = (input: DescribeDBClustersMessage, ctx) => {
  let all = Object.values(ctx.state.rds.clusters);
  if (input.DBClusterIdentifier) all = [findCluster(ctx, input.DBClusterIdentifier)];
  all = filterBy(all, input.Filters, CLUSTER_FILTERS, (c) => ({
    "db-cluster-id": [c.DBClusterIdentifier, c.DBClusterArn],
    engine: [c.Engine],
    "db-cluster-resource-id": [c.DbClusterResourceId],
  }));
  const p = page(ctx, all, input, "clusters");
  return { DBClusters: p.items.map((c) => clusterView(ctx, c)), Marker: p.nextToken };
};

const describeDbClusterEndpoints: Handler = (input: DescribeDBClusterEndpointsMessage, ctx) => {
  const clusters = input.DBClusterIdentifier
    ? [findCluster(ctx, input.DBClusterIdentifier)]
    : Object.values(ctx.state.rds.clusters);
  const endpoints = clusters.flatMap((c) =>
    (
      [
        ["WRITER", c.Endpoint],
        ["READER", c.ReaderEndpoint],
      ] as const
    ).map(([type, endpoint]) => ({
      DBClusterIdentifier: c.DBClusterIdentifier,
      DBClusterEndpointResourceIdentifier: `cluster-endpoint-${c.DBClusterIdentifier}-${type.toLowerCase()}`,
      Endpoint: endpoint,
      Status: "available",
      EndpointType: type,
    })),
  );
  const filtered = filterBy(endpoints, input.Filters, ENDPOINT_FILTERS, (e) => ({
    "db-cluster-endpoint-type": [e.EndpointType.toLowerCase()],
    "db-cluster-endpoint-status": [e.Status],
    "db-cluster-endpoint-id": [e.DBClusterEndpointResourceIdentifier],
    "db-cluster-endpoint-custom-type": [],
  }));
  const p = page(ctx, filtered, input, `endpoints:${input.DBClusterIdentifier ?? ""}`);
  return { DBClusterEndpoints: p.items, Marker: p.nextToken };
};

const deleteDbCluster: Handler = (input: DeleteDBClusterMessage, ctx) => {
  const cluster = findCluster(ctx, input.DBClusterIdentifier!);
  if (instancesOf(ctx, cluster.DBClusterIdentifier).length > 0) {
    throw rdsError(
      "InvalidDBClusterStateFault",
      "Cluster cannot be deleted, it still contains DB instances in non-deleting state.",
    );
  }
  const inUse = Object.values(ctx.state.lattice.resourceConfigurations).find(
    (c) =>
      c.resourceConfigurationDefinition &&
      "arnResource" in c.resourceConfigurationDefinition &&
      c.resourceConfigurationDefinition.arnResource.arn === cluster.DBClusterArn,
  );
  if (inUse)
    throw rdsError("InvalidDBClusterStateFault", `Cluster is used by VPC Lattice resource configuration ${inUse.id}.`);
  delete ctx.state.rds.clusters[cluster.DBClusterIdentifier];
  return { DBCluster: clusterView(ctx, { ...cluster, Status: "deleting" }) };
};

/* --------------------------------- instances -------------------------------- */

export function createDbInstance(
  ctx: HandlerContext,
  input: CreateDBInstanceMessage,
  options: { privateIp?: string } = {},
): DbInstanceRecord {
  const id = input.DBInstanceIdentifier!.toLowerCase();
  if (!IDENTIFIER.test(id))
    throw rdsError("InvalidParameterValue", `The parameter DBInstanceIdentifier is not a valid identifier: ${id}`);
  if (ctx.state.rds.instances[id]) throw rdsError("DBInstanceAlreadyExists", "DB instance already exists");
  if (!input.DBClusterIdentifier)
    throw rdsError(
      "InvalidParameterCombination",
      "The emulator models Aurora instances; DBClusterIdentifier is required.",
    );
  const cluster = findCluster(ctx, input.DBClusterIdentifier);
  const subnetGroup = ctx.state.rds.subnetGroups[cluster.DBSubnetGroup]!;
  const existing = instancesOf(ctx, cluster.DBClusterIdentifier).length;
  const subnetRef =
    subnetGroup.Subnets.find((s) => s.SubnetAvailabilityZone.Name === input.AvailabilityZone) ??
    subnetGroup.Subnets[existing % subnetGroup.Subnets.length]!;
  const subnet = ctx.state.ec2.subnets[subnetRef.SubnetIdentifier]!;
  const eni = createManagedInterface(ctx, {
    subnetId: subnet.SubnetId,
    groupIds: cluster.VpcSecurityGroupIds,
    description: "RDSNetworkInterface",
    interfaceType: "interface",
    attachedTo: `db:${id}`,
    requesterId: "amazon-rds",
    ...(options.privateIp ? { privateIp: options.privateIp } : {}),
  });
  const record: DbInstanceRecord = {
    DBInstanceIdentifier: id,
    DBInstanceArn: `arn:aws:rds:${ctx.region}:${ctx.accountId}:db:${id}`,
    DbiResourceId: `db-${ctx.ids.upper(26)}`,
    DBClusterIdentifier: cluster.DBClusterIdentifier,
    DBInstanceClass: input.DBInstanceClass!,
    Engine: input.Engine ?? cluster.Engine,
    EngineVersion: cluster.EngineVersion,
    DBInstanceStatus: "available",
    AvailabilityZone: subnet.AvailabilityZone,
    DBSubnetGroupName: subnetGroup.DBSubnetGroupName,
    VpcSecurityGroupIds: cluster.VpcSecurityGroupIds,
    PubliclyAccessible: input.PubliclyAccessible ?? false,
    PromotionTier: input.PromotionTier ?? 1,
    // AWS's default: minor engine upgrades apply in the maintenance window unless turned off.
    AutoMinorVersionUpgrade: input.AutoMinorVersionUpgrade ?? true,
    Port: cluster.Port,
    InstanceCreateTime: ctx.nowIso,
    privateIpAddress: eni.PrivateIpAddress,
    TagList: (input.Tags ?? []).map((t) => ({ Key: t.Key ?? "", Value: t.Value ?? "" })),
  };
  ctx.state.rds.instances[id] = record;
  return record;
}

function instanceView(ctx: HandlerContext, i: DbInstanceRecord) {
  const subnetGroup = ctx.state.rds.subnetGroups[i.DBSubnetGroupName];
  return {
    ...i,
    InstanceCreateTime: new Date(i.InstanceCreateTime),
    Endpoint: {
      Address: `${i.DBInstanceIdentifier}.${ctx.state.rds.endpointHash ?? endpointHash(ctx)}.${ctx.region}.rds.amazonaws.com`,
      Port: i.Port,
      HostedZoneId: "Z24O6O9L7SGTNB",
    },
    DBSubnetGroup: subnetGroup,
    VpcSecurityGroups: i.VpcSecurityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: "active" })),
  };
}

const describeDbInstances: Handler = (input: DescribeDBInstancesMessage, ctx) => {
  let all = Object.values(ctx.state.rds.instances);
  if (input.DBInstanceIdentifier) {
    const id = idFromArn(input.DBInstanceIdentifier, "db").toLowerCase();
    const instance = ctx.state.rds.instances[id];
    if (!instance) throw rdsError("DBInstanceNotFound", `DBInstance ${input.DBInstanceIdentifier} not found.`, 404);
    all = [instance];
  }
  all = filterBy(all, input.Filters, INSTANCE_FILTERS, (i) => ({
    "db-cluster-id": i.DBClusterIdentifier
      ? [i.DBClusterIdentifier, `arn:aws:rds:${ctx.region}:${ctx.accountId}:cluster:${i.DBClusterIdentifier}`]
      : [],
    "db-instance-id": [i.DBInstanceIdentifier, i.DBInstanceArn],
    "dbi-resource-id": [i.DbiResourceId],
    engine: [i.Engine],
  }));
  const p = page(ctx, all, input, "instances");
  return { DBInstances: p.items.map((i) => instanceView(ctx, i)), Marker: p.nextToken };
};

const deleteDbInstance: Handler = (input: DeleteDBInstanceMessage, ctx) => {
  const id = input.DBInstanceIdentifier!.toLowerCase();
  const instance = ctx.state.rds.instances[id];
  if (!instance) throw rdsError("DBInstanceNotFound", `DBInstance ${input.DBInstanceIdentifier} not found.`, 404);
  const view = instanceView(ctx, { ...instance, DBInstanceStatus: "deleting" });
  delete ctx.state.rds.instances[id];
  removeInterfacesOf(ctx.state, `db:${id}`);
  return { DBInstance: view };
};

/* ------------------------------ tags and globals ----------------------------- */

/** Tags of a cluster, instance or subnet group, by ARN (RDS ARNs: `arn:aws:rds:<region>:<account>:<kind>:<name>`). */
function taggedRecord(ctx: HandlerContext, arn: string): { TagList?: Array<{ Key: string; Value: string }> } {
  const match = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):(cluster|db|subgrp):(.+)$/.exec(arn);
  if (!match) {
    throw rdsError(
      "InvalidParameterValue",
      `The specified resource name does not match an RDS resource in this region: ${arn}`,
    );
  }
  const [, region, account, kind, name] = match;
  const state = region === ctx.region && account === ctx.accountId ? ctx.state : ctx.regionState(account!, region!);
  const id = name!.toLowerCase();
  if (kind === "cluster") {
    const cluster = state.rds.clusters[id];
    if (!cluster) throw rdsError("DBClusterNotFoundFault", `DBCluster ${name} not found.`, 404);
    return cluster;
  }
  if (kind === "db") {
    const instance = state.rds.instances[id];
    if (!instance) throw rdsError("DBInstanceNotFound", `DBInstance ${name} not found.`, 404);
    return instance;
  }
  const group = state.rds.subnetGroups[id];
  if (!group) throw rdsError("DBSubnetGroupNotFoundFault", `DBSubnetGroup ${name} not found.`, 404);
  return group;
}

const listTagsForResource: Handler = (input: ListTagsForResourceMessage, ctx) => ({
  TagList: [...(taggedRecord(ctx, input.ResourceName!).TagList ?? [])],
});

/** No global databases are modelled: every account has none (a named one is not found). */
const describeGlobalClusters: Handler = (input: DescribeGlobalClustersMessage, ctx) => {
  if (input.GlobalClusterIdentifier) {
    throw rdsError("GlobalClusterNotFoundFault", `Global cluster ${input.GlobalClusterIdentifier} not found.`, 404);
  }
  filterBy([], input.Filters, ["db-cluster-id", "engine"], () => ({}));
  page(ctx, [], input, "global-clusters");
  return { GlobalClusters: [] };
};

export function rdsService() {
  return {
    name: "rds",
    protocol: "awsQuery" as const,
    version: "2014-10-31",
    operations: operationsOf(RdsModel as unknown as Record<string, unknown>),
    handlers: {
      CreateDBSubnetGroup: (input: CreateDBSubnetGroupMessage, ctx: HandlerContext) => ({
        DBSubnetGroup: createDbSubnetGroup(ctx, input),
      }),
      DescribeDBSubnetGroups: describeDbSubnetGroups,
      DeleteDBSubnetGroup: deleteDbSubnetGroup,
      DescribeGlobalClusters: describeGlobalClusters,
      ListTagsForResource: listTagsForResource,
      CreateDBCluster: (input: CreateDBClusterMessage, ctx: HandlerContext) => ({
        DBCluster: clusterView(ctx, createDbCluster(ctx, input)),
      }),
      DescribeDBClusters: describeDbClusters,
      DescribeDBClusterEndpoints: describeDbClusterEndpoints,
      DeleteDBCluster: deleteDbCluster,
      CreateDBInstance: (input: CreateDBInstanceMessage, ctx: HandlerContext) => ({
        DBInstance: instanceView(ctx, createDbInstance(ctx, input)),
      }),
      DescribeDBInstances: describeDbInstances,
      DeleteDBInstance: deleteDbInstance,
    } satisfies Record<string, Handler>,
    ...rdsServiceErrors,
  };
}
