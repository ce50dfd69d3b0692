import type { SourceInfo } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { regionForSource } from "./region-keeping";

const source = (over: Partial<SourceInfo>): SourceInfo => ({
  id: "default",
  kind: "default",
  label: "AWS (default credential chain)",
  defaultRegion: "us-east-1",
  status: "ok",
  mutationsAllowed: false,
  ...over,
});

describe("regionForSource", () => {
  it("keeps the Region on screen for a source that reads any Region", () => {
    for (const next of [
      source({}),
      source({ id: "profile:prod", kind: "profile", defaultRegion: "eu-west-1" }),
      source({ id: "emulator", kind: "emulator", defaultRegion: "ap-northeast-1" }),
    ])
      expect(regionForSource("eu-central-1", next)).toEqual({ region: "eu-central-1" });
  });

  it("opens in the source's own Region when none is on screen yet", () => {
    expect(regionForSource(undefined, source({ defaultRegion: "eu-west-1" }))).toEqual({ region: "eu-west-1" });
  });

  it("keeps an estate's Region when the estate covers it, otherwise moves and says so", () => {
    const estate = source({
      id: "estate:emulator",
      kind: "estate",
      label: "Estate in the emulator",
      defaultRegion: "ap-northeast-1",
      estate: { roleName: "r", regions: ["ap-northeast-1", "us-east-1"], accounts: 7 },
    });
    expect(regionForSource("us-east-1", estate)).toEqual({ region: "us-east-1" });
    const moved = regionForSource("eu-west-1", estate);
    expect(moved.region).toBe("ap-northeast-1");
    expect(moved.notice).toBe(
      "Region changed to ap-northeast-1: Estate in the emulator covers ap-northeast-1, us-east-1, not eu-west-1.",
    );
  });

  it("moves to a snapshot's one Region, with a notice", () => {
    const snapshot = source({
      id: "snapshot:s123456789",
      kind: "snapshot",
      label: "Snapshot “x”",
      defaultRegion: "ap-northeast-1",
    });
    expect(regionForSource("us-east-1", snapshot)).toMatchObject({
      region: "ap-northeast-1",
      notice: expect.stringContaining("Region changed to ap-northeast-1"),
    });
    expect(regionForSource("ap-northeast-1", snapshot)).toEqual({ region: "ap-northeast-1" });
  });
});
