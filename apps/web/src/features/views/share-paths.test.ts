import { describe, expect, it } from "vitest";
import { EMPTY_VIEW, parseViewState, serializeViewState, type ViewState } from "../../lib/url-state";
import { snapshotTarget } from "../topology/target";
import {
  liveUrlForState,
  parseSharePath,
  shareableState,
  snapshotPath,
  snapshotSearch,
  suggestViewName,
  viewPath,
} from "./share-paths";

const tokyo = { source: "emulator", region: "ap-northeast-1" };
const connectView: ViewState = {
  ...EMPTY_VIEW,
  panel: "connect",
  from: "vpc-0a03953771bed5895",
  hiddenKinds: ["securityGroup"],
};

describe("URL state of the new panels", () => {
  it("round-trips panel=views and panel=snapshots", () => {
    for (const panel of ["views", "snapshots"] as const) {
      const search = serializeViewState({ ...EMPTY_VIEW, ...tokyo, panel, selected: "snra-0258ae5ca1fffbb4a" });
      expect(search).toBe(`?source=emulator&region=ap-northeast-1&panel=${panel}&sel=snra-0258ae5ca1fffbb4a`);
      expect(parseViewState(search).panel).toBe(panel);
      expect(serializeViewState(parseViewState(search))).toBe(search);
    }
    expect(parseViewState("?panel=library").panel).toBeUndefined();
  });
});

describe("short-link paths", () => {
  it("reads /v/<id> and /s/<id>, with or without a trailing slash", () => {
    expect(parseSharePath("/")).toEqual({ kind: "live" });
    expect(parseSharePath("/v/vabc123xyz")).toEqual({ kind: "view", id: "vabc123xyz", valid: true });
    expect(parseSharePath("/s/s012345678/")).toEqual({ kind: "snapshot", id: "s012345678", valid: true });
    expect(parseSharePath("/s/s0123456789")).toEqual({ kind: "snapshot", id: "s0123456789", valid: false });
  });

  it("marks ids of the wrong shape as unknown without asking the server", () => {
    expect(parseSharePath("/v/nope")).toEqual({ kind: "view", id: "nope", valid: false });
    expect(parseSharePath("/v/")).toEqual({ kind: "view", id: "", valid: false });
    expect(parseSharePath("/s/s%3Cx%3E")).toEqual({ kind: "snapshot", id: "s<x>", valid: false });
    expect(parseSharePath("/s/%E0%A4%A")).toMatchObject({ kind: "snapshot", valid: false });
  });

  it("leaves other paths to the live console", () => {
    for (const path of ["/index.html", "/v", "/s", "/v/a/b", "/api/views/vabc123xyz", "/views/vabc123xyz"])
      expect(parseSharePath(path), path).toEqual({ kind: "live" });
  });

  it("writes the short paths", () => {
    expect(viewPath("vabc123xyz")).toBe("/v/vabc123xyz");
    expect(snapshotPath("s012345678")).toBe("/s/s012345678");
  });
});

describe("states", () => {
  it("saves the view with its resolved source and region, without the Views/Snapshots panel", () => {
    expect(shareableState(connectView, tokyo)).toBe(
      "source=emulator&region=ap-northeast-1&panel=connect&from=vpc-0a03953771bed5895&hide=securityGroup",
    );
    expect(shareableState({ ...connectView, panel: "views" }, tokyo)).toBe(
      "source=emulator&region=ap-northeast-1&from=vpc-0a03953771bed5895&hide=securityGroup",
    );
  });

  it("opens a saved view at / with its state, keeping only what the console knows", () => {
    const state = shareableState(connectView, tokyo);
    expect(liveUrlForState(state)).toBe(`/?${state}`);
    expect(liveUrlForState(`?${state}`)).toBe(`/?${state}`);
    expect(liveUrlForState("bogus=1&panel=connect&from=vpc-0a03953771bed5895")).toBe(
      "/?panel=connect&from=vpc-0a03953771bed5895",
    );
    expect(liveUrlForState("")).toBe("/");
  });

  it("opens a snapshot with its view, without the source and region it fixes", () => {
    const state = shareableState(connectView, tokyo);
    expect(snapshotSearch(state)).toBe("?panel=connect&from=vpc-0a03953771bed5895&hide=securityGroup");
    expect(snapshotSearch("source=emulator&region=ap-northeast-1&panel=snapshots")).toBe("");
    expect(`${snapshotPath("s012345678")}${snapshotSearch(state)}`).toBe(
      "/s/s012345678?panel=connect&from=vpc-0a03953771bed5895&hide=securityGroup",
    );
  });

  it("gives a snapshot a source of its own, so that nothing keyed by source meets the live one", () => {
    expect(snapshotTarget("s012345678", "ap-northeast-1")).toEqual({
      source: "snapshot:s012345678",
      region: "ap-northeast-1",
      snapshot: "s012345678",
    });
  });

  it("suggests a name from what the view answers", () => {
    const labels = new Map([["vpc-0a03953771bed5895", "consumer-sn-association-vpc"]]);
    const where = { sourceLabel: "Embedded AWS emulator", region: "ap-northeast-1" };
    expect(suggestViewName(connectView, (id) => labels.get(id), where)).toBe(
      "Connect from consumer-sn-association-vpc · ap-northeast-1",
    );
    expect(suggestViewName({ ...EMPTY_VIEW, selected: "snra-1" }, () => undefined, where)).toBe(
      "snra-1 · ap-northeast-1",
    );
    expect(suggestViewName(EMPTY_VIEW, () => undefined, where)).toBe("Embedded AWS emulator · ap-northeast-1");
  });
});
