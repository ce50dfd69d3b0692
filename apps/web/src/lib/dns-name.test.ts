import { describe, expect, it } from "vitest";
import { dnsNameParts } from "./dns-name";

describe("dnsNameParts", () => {
  it("cuts after each dot and keeps every character", () => {
    const name = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
    const parts = dnsNameParts(name);
    expect(parts).toEqual([
      "snra-0258ae5ca1fffbb4a.",
      "rcfg-01158845410b9f395.",
      "4232ccc.",
      "vpc-lattice-rsc.",
      "ap-northeast-1.",
      "on.",
      "aws",
    ]);
    expect(parts.join("")).toBe(name);
  });

  it("keeps a trailing dot on the last label and leaves a name without dots whole", () => {
    expect(dnsNameParts("example.com.")).toEqual(["example.", "com."]);
    expect(dnsNameParts("localhost")).toEqual(["localhost"]);
    expect(dnsNameParts("")).toEqual([]);
  });
});
