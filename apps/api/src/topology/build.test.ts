import { describe, expect, it } from "vitest";
import { InputsBuilder } from "../testing/fixtures.js";
import { buildGraph } from "./build.js";

function sample(): InputsBuilder {
  const b = new InputsBuilder()
    .vpc("vpc-0000000000000000a", "consumer", "10.1.0.0/16")
    .vpc("vpc-0000000000000000e", "provider", "10.0.0.0/16")
    .vpc("vpc-0000000000000000f", "unrelated", "10.9.0.0/16")
    .group("sg-0000000000000client", "vpc-0000000000000000a")
    .group("sg-0000000000000entry", "vpc-0000000000000000a", [{ port: 5432, from: "sg-0000000000000client" }])
    .group("sg-0000000000000other", "vpc-0000000000000000f")
    .network("sn-0000000000000001a", "shared")
    .gateway("rgw-0000000000000000e", "vpc-0000000000000000e")
    .configuration("rcfg-00000000000000a0", "db", "ARN", {
      gateway: "rgw-0000000000000000e",
      arn: "arn:aws:rds:us-east-1:111122223333:cluster:db",
    })
    .configuration("rcfg-00000000000000w1", "db-writer", "CHILD", {
      group: "rcfg-00000000000000a0",
      dns: "db.cluster-x.us-east-1.rds.amazonaws.com",
      amazonManaged: true,
      ports: ["5432"],
    })
    .configuration("rcfg-00000000000000s1", "cache", "SINGLE", { gateway: "rgw-0000000000000000e", ip: "10.0.3.3" })
    .resourceAssociation("snra-0000000000000a00", "sn-0000000000000001a", "rcfg-00000000000000a0", { named: false })
    .resourceAssociation("snra-0000000000000w10", "sn-0000000000000001a", "rcfg-00000000000000w1", { managed: true })
    .vpcAssociation("snva-0000000000000000a", "sn-0000000000000001a", "vpc-0000000000000000a", {
      groups: ["sg-0000000000000entry"],
    });
  b.inputs.dbClusters.push({
    arn: "arn:aws:rds:us-east-1:111122223333:cluster:db",
    identifier: "db",
    engine: "aurora-postgresql",
    status: "available",
    port: 5432,
    writerEndpoint: "db.cluster-x.us-east-1.rds.amazonaws.com",
    readerEndpoint: "db.cluster-ro-x.us-east-1.rds.amazonaws.com",
    customEndpoints: [],
    securityGroupIds: [],
    publiclyAccessible: false,
  });
  b.inputs.dbInstances.push({
    identifier: "db-1",
    arn: "arn:aws:rds:us-east-1:111122223333:db:db-1",
    clusterIdentifier: "db",
    vpcId: "vpc-0000000000000000e",
    securityGroupIds: [],
  });
  return b;
}

describe("buildGraph", () => {
  const { nodes, edges } = buildGraph(sample().inputs);
  const node = (id: string) => nodes.find((n) => n.id === id);
  const has = (kind: string, source: string, target: string) =>
    edges.some((e) => e.kind === kind && e.source === source && e.target === target);

  it("uses AWS ids (ARNs for clusters, hostnames for endpoints) and puts VPC-bound things in their VPC", () => {
    expect(node("arn:aws:rds:us-east-1:111122223333:cluster:db")).toMatchObject({
      kind: "dbCluster",
      parent: "vpc-0000000000000000e",
    });
    expect(node("db.cluster-x.us-east-1.rds.amazonaws.com")).toMatchObject({
      kind: "dbEndpoint",
      parent: "vpc-0000000000000000e",
      data: { role: "writer", port: 5432 },
    });
    expect(node("rgw-0000000000000000e")?.parent).toBe("vpc-0000000000000000e");
    expect(node("ip:10.0.3.3")).toMatchObject({ kind: "resourceTarget", parent: "vpc-0000000000000000e" });
  });

  it("chains VPC → association → network → association → configuration → target", () => {
    expect(has("vpc-association", "vpc-0000000000000000a", "snva-0000000000000000a")).toBe(true);
    expect(has("vpc-association", "snva-0000000000000000a", "sn-0000000000000001a")).toBe(true);
    expect(has("resource-association", "sn-0000000000000001a", "snra-0000000000000a00")).toBe(true);
    expect(has("child", "snra-0000000000000a00", "snra-0000000000000w10")).toBe(true);
    expect(has("resource-association", "snra-0000000000000w10", "rcfg-00000000000000w1")).toBe(true);
    expect(has("child", "rcfg-00000000000000a0", "rcfg-00000000000000w1")).toBe(true);
    expect(has("resource", "rcfg-00000000000000w1", "db.cluster-x.us-east-1.rds.amazonaws.com")).toBe(true);
    expect(has("resource", "rcfg-00000000000000a0", "arn:aws:rds:us-east-1:111122223333:cluster:db")).toBe(true);
    expect(has("gateway", "rcfg-00000000000000a0", "rgw-0000000000000000e")).toBe(true);
    const child = node("snra-0000000000000w10");
    expect(child?.kind === "resourceAssociation" && child.data.parentAssociationId).toBe("snra-0000000000000a00");
  });

  it("keeps the security groups Lattice paths use and the client groups their rules let in, not the others", () => {
    expect(node("sg-0000000000000entry")?.kind).toBe("securityGroup");
    expect(node("sg-0000000000000client")?.kind).toBe("securityGroup");
    expect(node("sg-0000000000000other")).toBeUndefined();
  });

  it("marks consumer and provider VPCs", () => {
    const roles = (id: string) => {
      const n = node(id);
      return n?.kind === "vpc" ? n.data.roles : undefined;
    };
    expect(roles("vpc-0000000000000000a")).toEqual(["consumer"]);
    expect(roles("vpc-0000000000000000e")).toEqual(["provider"]);
    expect(roles("vpc-0000000000000000f")).toEqual([]);
  });

  it("drops edges to things it cannot see", () => {
    const b = sample();
    b.inputs.resourceAssociations.push({
      id: "snra-00000000000000zz0",
      arn: "x",
      status: "ACTIVE",
      serviceNetworkId: "sn-0000000000000009z",
      resourceConfigurationId: "rcfg-00000000000000s1",
      isManaged: false,
      privateDnsEnabled: false,
    });
    const graph = buildGraph(b.inputs);
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it("is deterministic", () => {
    expect(buildGraph(sample().inputs)).toEqual(buildGraph(sample().inputs));
  });
});
