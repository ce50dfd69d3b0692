/** RDS reads: Aurora clusters (endpoints, port, security groups) and instances (subnet group VPC). */
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, type RDSClient } from "@aws-sdk/client-rds";
import type { DbClusterInput, DbInstanceInput } from "../topology/inputs.js";
import { collectPages } from "./pagination.js";
import type { CallRunner } from "./runner.js";

export function createRdsReader(rds: RDSClient, runner: CallRunner) {
  const call = <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) => runner.call("rds", operation, fn);
  return {
    describeClusters: (): Promise<DbClusterInput[]> =>
      collectPages("rds", "DescribeDBClusters", async (token) => {
        const out = await call("DescribeDBClusters", (abortSignal) =>
          rds.send(new DescribeDBClustersCommand({ MaxRecords: 100, Marker: token }), { abortSignal }),
        );
        return {
          items: (out.DBClusters ?? []).map((c) => ({
            arn: c.DBClusterArn!,
            identifier: c.DBClusterIdentifier!,
            engine: c.Engine ?? "",
            ...(c.EngineVersion ? { engineVersion: c.EngineVersion } : {}),
            status: c.Status ?? "unknown",
            port: c.Port ?? 0,
            ...(c.Endpoint ? { writerEndpoint: c.Endpoint } : {}),
            ...(c.ReaderEndpoint ? { readerEndpoint: c.ReaderEndpoint } : {}),
            customEndpoints: c.CustomEndpoints ?? [],
            securityGroupIds: (c.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId!),
            publiclyAccessible: Boolean(c.PubliclyAccessible),
          })),
          next: out.Marker,
        };
      }),

    describeInstances: (): Promise<DbInstanceInput[]> =>
      collectPages("rds", "DescribeDBInstances", async (token) => {
        const out = await call("DescribeDBInstances", (abortSignal) =>
          rds.send(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker: token }), { abortSignal }),
        );
        return {
          items: (out.DBInstances ?? []).map((i) => ({
            identifier: i.DBInstanceIdentifier!,
            arn: i.DBInstanceArn!,
            ...(i.DBClusterIdentifier ? { clusterIdentifier: i.DBClusterIdentifier } : {}),
            ...(i.Endpoint?.Address ? { address: i.Endpoint.Address } : {}),
            ...(i.Endpoint?.Port !== undefined ? { port: i.Endpoint.Port } : {}),
            ...(i.DBSubnetGroup?.VpcId ? { vpcId: i.DBSubnetGroup.VpcId } : {}),
            securityGroupIds: (i.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId!),
          })),
          next: out.Marker,
        };
      }),
  };
}

export type RdsReader = ReturnType<typeof createRdsReader>;
