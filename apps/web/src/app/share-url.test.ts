import { describe, expect, it } from "vitest";
import { snapshotTarget } from "../features/topology/target";
import { EMPTY_VIEW } from "../lib/url-state";
import { shareUrl } from "./share-url";

const location = { origin: "http://127.0.0.1:8080", pathname: "/", href: "http://127.0.0.1:8080/?panel=audit" };

describe("shareUrl", () => {
  it("writes the source and region the view resolved to", () => {
    expect(
      shareUrl({ ...EMPTY_VIEW, panel: "audit" }, { source: "emulator", region: "ap-northeast-1" }, location),
    ).toBe("http://127.0.0.1:8080/?source=emulator&region=ap-northeast-1&panel=audit");
  });

  it("leaves them out of a snapshot's link (its path says where)", () => {
    const snapshot = { ...location, pathname: "/s/s0123456789" };
    expect(
      shareUrl(
        { ...EMPTY_VIEW, source: "emulator", panel: "audit" },
        snapshotTarget("s0123456789", "us-east-1"),
        snapshot,
      ),
    ).toBe("http://127.0.0.1:8080/s/s0123456789?panel=audit");
  });

  it("copies the address as it is while nothing is resolved yet", () => {
    expect(shareUrl(EMPTY_VIEW, undefined, location)).toBe(location.href);
  });
});
