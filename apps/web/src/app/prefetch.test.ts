import type { SourcesResponse } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { firstTarget } from "./prefetch";

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
