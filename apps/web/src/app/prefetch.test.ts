import type { SourcesResponse, Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { earlyAnswerFor, earlyTopology, firstTarget } from "./prefetch";

const sources = {
  defaultSource: "emulator",
  sources: [
    { id: "emulator", defaultRegion: "ap-northeast-1" },
    { id: "profile:prod", defaultRegion: "eu-west-1" },
  ],
} as unknown as SourcesResponse;

const at = (pathname: string, search = "") => ({ pathname, search });

describe("firstTarget", () => {
  it("is the server's default source in its own Region when the address names neither", () => {
    expect(firstTarget(at("/"), sources)).toEqual({ source: "emulator", region: "ap-northeast-1" });
  });

  it("takes the source and Region the address names", () => {
    expect(firstTarget(at("/", "?source=profile%3Aprod"), sources)).toEqual({
      source: "profile:prod",
      region: "eu-west-1",
    });
    expect(firstTarget(at("/", "?region=us-east-1"), sources)).toEqual({ source: "emulator", region: "us-east-1" });
  });

  it("drops a malformed Region as the console does", () => {
    expect(firstTarget(at("/", "?region=not%20a%20region"), sources)).toEqual({
      source: "emulator",
      region: "ap-northeast-1",
    });
  });

  it("leaves a shared view or a snapshot to the console (they name their own target)", () => {
    expect(firstTarget(at("/v/abc"), sources)).toBeUndefined();
    expect(firstTarget(at("/s/abc"), sources)).toBeUndefined();
  });

  it("has nothing to read for a source the server does not know and no Region", () => {
    expect(firstTarget(at("/", "?source=profile%3Agone"), sources)).toBeUndefined();
  });
});

describe("the early topology", () => {
  const answer = { source: { id: "emulator" }, region: "us-east-1" } as unknown as Topology;

  it("is used for the target the sources resolve when it names that source and Region", () => {
    expect(earlyAnswerFor(answer, { source: "emulator", region: "us-east-1" })).toBe(answer);
  });

  it("is not used for another source or Region, nor when there was none", () => {
    expect(earlyAnswerFor(answer, { source: "profile:prod", region: "us-east-1" })).toBeUndefined();
    expect(earlyAnswerFor(answer, { source: "emulator", region: "eu-west-1" })).toBeUndefined();
    expect(earlyAnswerFor(undefined, { source: "emulator", region: "us-east-1" })).toBeUndefined();
  });

  it("is not asked for on a shared view or a snapshot (they name their own target)", () => {
    expect(earlyTopology(at("/v/abc"))).toBeUndefined();
    expect(earlyTopology(at("/s/abc"))).toBeUndefined();
  });
});
