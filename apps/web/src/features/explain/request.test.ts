import type { AnalyzeAnswer, Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { EMPTY_VIEW, parseViewState, serializeViewState } from "../../lib/url-state";
import fieldReport from "../topology/fixtures/field-report.json";
import { indexTopology } from "../topology/topology-index";
import { explainMarks, frameIds } from "./path-marks";
import { explainKeys } from "./queries";
import {
  clearExplainPatch,
  explainBetween,
  explainCandidates,
  explainFromConnectRow,
  explainParamsOf,
  explainViewPatch,
  filterCandidates,
  toAnalyzeRequest,
} from "./request";

const topology = fieldReport as unknown as Topology;
const index = indexTopology(topology);
const target = { source: "emulator", region: "ap-northeast-1" };

const ids = {
  associationVpc: "vpc-0a03953771bed5895",
  resourceEndpointVpc: "vpc-023cb195488e7d121",
  providerVpc: "vpc-0e27fe36b5514a2ef",
  writerConfig: "rcfg-01158845410b9f395",
  groupConfig: "rcfg-0d3f5b7a9c1e2f486",
  writerAssociation: "snra-0258ae5ca1fffbb4a",
  vpcAssociation: "snva-0c7568464798463a6",
  resourceEndpoint: "vpce-00c3d5450f87e1973",
  service: "svc-0a836c24f4bc2c8ea",
  network: "sn-0b615c0ed1ca34177",
  gateway: "rgw-025d31929ebd9f273",
  cluster: "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev",
  cloudShellOfAssociationVpc: "sg-0fa0c181198bf4972",
};
const WRITER = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";

describe("a check from a Connect-from row", () => {
  it("runs from the answer's VPC to the target", () => {
    const params = explainFromConnectRow(ids.associationVpc, ids.writerConfig);
    expect(params).toEqual({ from: ids.associationVpc, to: ids.writerConfig });
    expect(toAnalyzeRequest(params, target)).toEqual({
      source: "emulator",
      region: "ap-northeast-1",
      from: { vpc: ids.associationVpc },
      to: ids.writerConfig,
    });
  });

  it("checks the row's name when it is a hostname row (working or not)", () => {
    const params = explainFromConnectRow(ids.associationVpc, ids.writerConfig, WRITER);
    expect(toAnalyzeRequest(params, target)).toEqual({
      source: "emulator",
      region: "ap-northeast-1",
      from: { vpc: ids.associationVpc },
      to: ids.writerConfig,
      hostname: WRITER,
    });
  });

  it("sends the client group, the port and a refresh only when given", () => {
    const params = { from: ids.associationVpc, to: ids.service, clientGroup: "sg-0fa0c181198bf4972", port: 443 };
    expect(toAnalyzeRequest(params, target, true)).toEqual({
      source: "emulator",
      region: "ap-northeast-1",
      from: { vpc: ids.associationVpc, securityGroup: "sg-0fa0c181198bf4972" },
      to: ids.service,
      port: 443,
      refresh: true,
    });
  });
  it("names no source, region or refresh for a snapshot (its frozen data answers)", () => {
    const snapshot = { source: "snapshot:snap-1", region: "ap-northeast-1", snapshot: "snap-1" };
    expect(toAnalyzeRequest({ from: ids.associationVpc, to: ids.service }, snapshot, true)).toEqual({
      from: { vpc: ids.associationVpc },
      to: ids.service,
    });
  });
});

describe("a check between two nodes", () => {
  it("takes the VPC as the client and the other node as the target, in either order", () => {
    const expected = { from: ids.associationVpc, to: ids.writerConfig };
    expect(explainBetween(index, ids.associationVpc, ids.writerConfig)).toEqual(expected);
    expect(explainBetween(index, ids.writerConfig, ids.associationVpc)).toEqual(expected);
  });

  it("reads a client security group as its VPC and that group", () => {
    expect(explainBetween(index, ids.cloudShellOfAssociationVpc, ids.service)).toEqual({
      from: ids.associationVpc,
      to: ids.service,
      clientGroup: ids.cloudShellOfAssociationVpc,
    });
  });

  it("reads an endpoint or a VPC association as the VPC it serves", () => {
    expect(explainBetween(index, ids.resourceEndpoint, ids.cluster)).toEqual({
      from: ids.resourceEndpointVpc,
      to: ids.cluster,
    });
    expect(explainBetween(index, WRITER, ids.vpcAssociation)).toEqual({ from: ids.associationVpc, to: WRITER });
    expect(explainBetween(index, ids.writerAssociation, ids.associationVpc)).toEqual({
      from: ids.associationVpc,
      to: ids.writerAssociation,
    });
  });

  it("refuses pairs that are not one client and one target", () => {
    expect(explainBetween(index, ids.associationVpc, ids.resourceEndpointVpc)).toBeUndefined();
    expect(explainBetween(index, ids.writerConfig, ids.service)).toBeUndefined();
    expect(explainBetween(index, ids.associationVpc, ids.network)).toBeUndefined();
    expect(explainBetween(index, ids.gateway, ids.writerConfig)).toBeUndefined();
    expect(explainBetween(index, ids.associationVpc, ids.associationVpc)).toBeUndefined();
    expect(explainBetween(index, ids.associationVpc, "rcfg-00000000000000000")).toBeUndefined();
  });
});

describe("what a details panel offers to check against", () => {
  it("offers a VPC the targets: single-resource configurations, services and Aurora endpoints", () => {
    const candidates = explainCandidates(index, ids.associationVpc);
    const found = new Set(candidates.map((c) => c.id));
    for (const id of [ids.writerConfig, "rcfg-0ba7ebc5ff6368de5", ids.service, WRITER])
      expect(found.has(id), id).toBe(true);
    // The ARN parent stands for both endpoints: its children are listed instead.
    expect(found.has(ids.groupConfig)).toBe(false);
    expect(found.has(ids.network)).toBe(false);
    expect(candidates.find((c) => c.id === WRITER)?.description).toBe("Aurora writer endpoint");
  });

  it("offers a target the VPCs, consumers first", () => {
    const candidates = explainCandidates(index, ids.writerConfig);
    expect(candidates.map((c) => c.id).at(-1)).toBe(ids.providerVpc);
    expect(candidates).toHaveLength(4);
    expect(candidates[0]?.description).toMatch(/^VPC · consumer/);
  });

  it("offers nothing to a node that is neither end", () => {
    expect(explainCandidates(index, ids.gateway)).toEqual([]);
  });

  it("finds a candidate by any words of its name, id, kind or DNS name", () => {
    const candidates = explainCandidates(index, ids.associationVpc);
    expect(filterCandidates(candidates, "writer endpoint").map((c) => c.id)).toEqual([WRITER]);
    expect(filterCandidates(candidates, "SVC-0A836").map((c) => c.id)).toEqual([ids.service]);
    expect(filterCandidates(candidates, "cne2k6gawkmf.ap-northeast-1").length).toBeGreaterThanOrEqual(2);
    expect(filterCandidates(candidates, "  ")).toHaveLength(candidates.length);
  });
});

describe("the check in the URL", () => {
  it("round-trips panel=explain with from, to, hostname, client group and port", () => {
    const params = {
      from: ids.associationVpc,
      to: ids.writerConfig,
      hostname: WRITER,
      clientGroup: "sg-0fa0c181198bf4972",
      port: 5432,
    };
    const search = serializeViewState({ ...EMPTY_VIEW, source: "emulator", ...explainViewPatch(params) });
    expect(search).toBe(
      `?source=emulator&panel=explain&from=${ids.associationVpc}&to=${ids.writerConfig}&hostname=${WRITER}&sg=sg-0fa0c181198bf4972&port=5432`,
    );
    const view = parseViewState(search);
    expect(view.panel).toBe("explain");
    expect(explainParamsOf(view)).toEqual(params);
  });

  it("keeps ARNs readable and round-trips them as targets", () => {
    const search = serializeViewState({
      ...EMPTY_VIEW,
      ...explainViewPatch({ from: ids.associationVpc, to: ids.cluster }),
    });
    expect(search).toContain(`to=${ids.cluster}`);
    expect(explainParamsOf(parseViewState(search))).toEqual({ from: ids.associationVpc, to: ids.cluster });
  });

  it("drops what is malformed, and is no check without both ends", () => {
    const view = parseViewState(
      `?panel=explain&from=${ids.associationVpc}&to=<script>&hostname=a b&sg=sg-XYZ&port=70000`,
    );
    expect(view.to).toBeUndefined();
    expect(view.hostname).toBeUndefined();
    expect(view.clientGroup).toBeUndefined();
    expect(view.port).toBeUndefined();
    expect(explainParamsOf(view)).toBeUndefined();
    expect(parseViewState("?port=0").port).toBeUndefined();
    expect(parseViewState("?port=65535").port).toBe(65535);
  });

  it("clears a check's options when another opens, and the whole check when it ends", () => {
    const patch = explainViewPatch({ from: ids.associationVpc, to: ids.service });
    expect(patch).toEqual({
      panel: "explain",
      from: ids.associationVpc,
      to: ids.service,
      hostname: undefined,
      clientGroup: undefined,
      port: undefined,
    });
    const view = parseViewState(
      serializeViewState({
        ...EMPTY_VIEW,
        ...explainViewPatch({ from: ids.associationVpc, to: ids.service, port: 443 }),
      }),
    );
    const cleared = parseViewState(serializeViewState({ ...view, ...clearExplainPatch(view) }));
    expect(serializeViewState(cleared)).toBe(`?from=${ids.associationVpc}`);
  });
});

describe("query keys and marks", () => {
  it("files checks under the connect answers of their source/region, so refreshes and changes make them stale", () => {
    const key = explainKeys.check(target, { from: ids.associationVpc, to: ids.writerConfig });
    expect(key.slice(0, 2)).toEqual(["connect", { source: "emulator", region: "ap-northeast-1" }]);
    expect(explainKeys.check(target, { from: ids.associationVpc, to: ids.writerConfig, hostname: WRITER })).not.toEqual(
      key,
    );
  });

  it("highlights the path and marks the failing node only while the check fails", () => {
    const answer = {
      verdict: "not-reachable",
      highlight: [ids.associationVpc, ids.vpcAssociation],
      failingNodeId: ids.writerAssociation,
    } as AnalyzeAnswer;
    const marks = explainMarks(answer);
    expect([...marks.highlight]).toEqual([ids.associationVpc, ids.vpcAssociation, ids.writerAssociation]);
    expect([...(marks.failing ?? [])]).toEqual([ids.writerAssociation]);
    expect(explainMarks({ ...withoutFailing(answer), verdict: "reachable" }).failing).toBeUndefined();
  });

  it("frames the failing hop's node with its neighbours on the path, or else the whole path", () => {
    const path = [ids.associationVpc, ids.vpcAssociation, ids.network, ids.writerAssociation, ids.writerConfig];
    const failing = explainMarks({
      verdict: "not-reachable",
      highlight: path,
      failingNodeId: ids.writerAssociation,
    } as AnalyzeAnswer);
    // Its GROUP association (off the path) is left out; the configuration it carries is in.
    expect([...frameIds(failing, index)].sort()).toEqual([ids.writerAssociation, ids.writerConfig].sort());
    const passing = explainMarks({ verdict: "reachable", highlight: path } as AnalyzeAnswer);
    expect(frameIds(passing, index)).toBe(passing.highlight);
  });
});

function withoutFailing(answer: AnalyzeAnswer): AnalyzeAnswer {
  const { failingNodeId: _failing, ...rest } = answer;
  return rest;
}
