import { describe, expect, it } from "vitest";
import { isConnectChange } from "./connect-gesture";

const kinds: Record<string, string> = {
  "vpc-1": "vpc",
  "rcfg-1": "resourceConfiguration",
  "svc-1": "service",
  "sn-1": "serviceNetwork",
  "sn-2": "serviceNetwork",
  "snva-1": "vpcAssociation",
};
const kindOf = (id: string): string | undefined => kinds[id];
const drop = (
  source: string,
  target: string,
  handles = { sourceHandle: "connect-from", targetHandle: "connect-to" },
) => ({
  source,
  target,
  ...handles,
});

describe("the connect gesture", () => {
  it("means a change for a VPC, configuration or service dropped on a service network", () => {
    for (const source of ["vpc-1", "rcfg-1", "svc-1"])
      expect(isConnectChange(drop(source, "sn-1"), kindOf), source).toBe(true);
  });

  it("means nothing elsewhere: onto another kind, from a network, or through the edge anchors", () => {
    expect(isConnectChange(drop("vpc-1", "snva-1"), kindOf)).toBe(false);
    expect(isConnectChange(drop("sn-2", "sn-1"), kindOf)).toBe(false);
    expect(isConnectChange(drop("vpc-1", "sn-1", { sourceHandle: "out", targetHandle: "in" }), kindOf)).toBe(false);
    expect(isConnectChange(drop("vpc-9", "sn-1"), kindOf)).toBe(false);
  });
});
