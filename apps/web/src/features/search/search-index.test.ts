import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import { buildSearchIndex, normalizeQuery, searchTopology } from "./search-index";

const topology = fieldReport as unknown as Topology;
const index = buildSearchIndex(topology);
const first = (q: string): string | undefined => searchTopology(index, q)[0]?.nodeId;

describe("normalizeQuery", () => {
  it("strips scheme, path, port and trailing dot from pasted names", () => {
    expect(normalizeQuery("  https://Example.on.aws/hello?x=1 ")).toBe("example.on.aws");
    expect(normalizeQuery("db.example.com:5432")).toBe("db.example.com");
    expect(normalizeQuery("db.example.com.")).toBe("db.example.com");
  });

  it("leaves ARNs whole", () => {
    expect(normalizeQuery("arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn")).toBe(
      "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn",
    );
  });
});

describe("searchTopology", () => {
  it("finds the writer's snra association from its DNS name", () => {
    expect(first("snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws")).toBe(
      "snra-0258ae5ca1fffbb4a",
    );
  });

  it("finds a node by id, and by id prefix", () => {
    expect(first("snra-0258ae5ca1fffbb4a")).toBe("snra-0258ae5ca1fffbb4a");
    expect(first("vpce-00c3d5450f87e1973")).toBe("vpce-00c3d5450f87e1973");
    expect(first("snra-0258")).toBe("snra-0258ae5ca1fffbb4a");
  });

  it("finds the Aurora writer endpoint from its hostname, and lists every node that carries the name", () => {
    const hits = searchTopology(
      index,
      "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com",
    );
    expect(hits[0]?.nodeId).toBe("zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com");
    const carriers = new Set(hits.filter((h) => h.exact).map((h) => h.nodeId));
    for (const id of [
      "vpce-00c3d5450f87e1973",
      "vpce-0579157320ec413bb",
      "snra-0258ae5ca1fffbb4a",
      "rcfg-01158845410b9f395",
      "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev",
    ]) {
      expect(carriers.has(id), id).toBe(true);
    }
  });

  it("finds a service from its URL with https:// and a path", () => {
    expect(
      first(
        "https://zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws/hello",
      ),
    ).toBe("svc-0a836c24f4bc2c8ea");
  });

  it("finds endpoint DNS names from association rows", () => {
    expect(
      first(
        "vpce-00c3d5450f87e1973-snra-043695c8071a9b680.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws",
      ),
    ).toBe("vpce-00c3d5450f87e1973");
  });

  it("finds by ARN and by name, case-insensitively", () => {
    expect(first("arn:aws:vpc-lattice:ap-northeast-1:111122223333:servicenetwork/sn-0b615c0ed1ca34177")).toBe(
      "sn-0b615c0ed1ca34177",
    );
    expect(first("ZENN-SERVICE-NETWORK-DEV")).toBe("sn-0b615c0ed1ca34177");
  });

  it("answers nothing for a one-letter query or a name that is not there", () => {
    expect(searchTopology(index, "z")).toEqual([]);
    expect(searchTopology(index, "no-such-thing.example.com")).toEqual([]);
  });
});
