import type { ConnectAnswer, Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import { indexTopology } from "../topology/topology-index";
import { connectPathNodeIds } from "./path";

const index = indexTopology(fieldReport as unknown as Topology);
const writer = {
  id: "rcfg-01158845410b9f395",
  arn: "arn:…/rcfg-01158845410b9f395",
  kind: "resourceConfiguration" as const,
  name: "writer",
  description: "Aurora writer",
  parentId: "rcfg-0d3f5b7a9c1e2f486",
  ports: ["5432"],
};
const service = {
  id: "svc-0a836c24f4bc2c8ea",
  arn: "arn:…/svc",
  kind: "service" as const,
  name: "svc",
  description: "Lattice service",
  ports: ["443"],
};
const source = { api: "x", field: "y" };
const check = { verdict: "reachable" as const, cannotTell: [], summary: "reachable" };

/** The answer the API gives for the pattern-3 VPC (trimmed to what the path needs). */
const answer: ConnectAnswer = {
  from: { vpcId: "vpc-0a03953771bed5895", name: "consumer-sn-association-vpc", cidr: "10.3.0.0/16" },
  entryPoints: [
    {
      id: "snva-0c7568464798463a6",
      kind: "vpcAssociation",
      pattern: "service-network-association",
      status: "ACTIVE",
      label: "VPC association",
    },
  ],
  reachable: [
    {
      target: writer,
      hostnames: [
        {
          hostname: "snra-0258….on.aws",
          works: true,
          pattern: "service-network-association",
          via: { id: "snra-0258ae5ca1fffbb4a", kind: "resourceAssociation" },
          privateDns: false,
          source,
        },
      ],
      notWorking: [],
      check,
    },
    {
      target: service,
      hostnames: [
        {
          hostname: "svc.on.aws",
          works: true,
          pattern: "service-network-association",
          via: { id: "snsa-0a9c9e0fa6625729b", kind: "serviceAssociation" },
          privateDns: false,
          source,
        },
      ],
      notWorking: [],
      check,
    },
  ],
  unreachable: [],
  notes: [],
};

describe("connectPathNodeIds", () => {
  it("runs from the consumer VPC and its groups through the network to Aurora", () => {
    const path = connectPathNodeIds(index, answer);
    for (const id of [
      "vpc-0a03953771bed5895",
      "sg-0a56b13a32342e90a", // the association's group
      "sg-0fa0c181198bf4972", // CloudShell SG, let in by it
      "snva-0c7568464798463a6",
      "sn-0b615c0ed1ca34177",
      "snra-0258ae5ca1fffbb4a",
      "snra-0e3b6d27c41f5a809", // its parent association
      "rcfg-01158845410b9f395",
      "rcfg-0d3f5b7a9c1e2f486",
      "rgw-025d31929ebd9f273",
      "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com",
      "snsa-0a9c9e0fa6625729b",
      "svc-0a836c24f4bc2c8ea",
      "tg-045dbc06c8ba64aa0",
      "arn:aws:lambda:ap-northeast-1:111122223333:function:zenn-vpc-lattice-function-dev",
    ]) {
      expect(path.has(id), id).toBe(true);
    }
    // Other patterns' entry points are not on this path.
    expect(path.has("vpce-00c3d5450f87e1973")).toBe(false);
    expect(path.has("vpc-023cb195488e7d121")).toBe(false);
  });

  it("narrows to one target", () => {
    const path = connectPathNodeIds(index, answer, "svc-0a836c24f4bc2c8ea");
    expect(path.has("svc-0a836c24f4bc2c8ea")).toBe(true);
    expect(path.has("snra-0258ae5ca1fffbb4a")).toBe(false);
    expect(path.has("rcfg-01158845410b9f395")).toBe(false);
  });
});
