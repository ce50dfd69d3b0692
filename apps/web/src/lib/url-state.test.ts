import { describe, expect, it } from "vitest";
import {
  EMPTY_VIEW,
  hasActiveFilters,
  parseViewState,
  serializeViewState,
  toggleCollapsed,
  type ViewState,
} from "./url-state";

const full: ViewState = {
  source: "profile:prod-admin",
  region: "ap-northeast-1",
  panel: "connect",
  from: "vpc-0a03953771bed5895",
  selected: "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev",
  focus: "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com",
  hiddenKinds: ["securityGroup", "dbEndpoint"],
  vpcs: ["vpc-023cb195488e7d121"],
  serviceNetworks: ["sn-0b615c0ed1ca34177"],
  statuses: ["failed", "pending"],
  accounts: ["333344445555", "666677778888"],
  regions: ["ap-northeast-1", "us-east-1"],
  collapsed: ["vpc-0e27fe36b5514a2ef"],
  expanded: ["sn-0b615c0ed1ca34177", "vpc-061137ab7c3ac2069"],
};

describe("URL state", () => {
  it("carries an estate: its source, and the account and region filters (sorted, malformed ones dropped)", () => {
    const parsed = parseViewState(
      "?source=estate:emulator&account=666677778888,12345,333344445555,666677778888&in=us-east-1,moon-1,ap-northeast-1&panel=estate",
    );
    expect(parsed).toMatchObject({
      source: "estate:emulator",
      panel: "estate",
      accounts: ["666677778888", "333344445555"],
      regions: ["us-east-1", "ap-northeast-1"],
    });
    expect(hasActiveFilters(parsed)).toBe(true);
    expect(serializeViewState(parsed)).toBe(
      "?source=estate:emulator&panel=estate&account=333344445555,666677778888&in=ap-northeast-1,us-east-1",
    );
    expect(parseViewState("?source=estate").source).toBe("estate");
  });

  it("round-trips every field", () => {
    const parsed = parseViewState(serializeViewState(full));
    expect(parsed).toEqual({ ...full, hiddenKinds: ["dbEndpoint", "securityGroup"], statuses: ["failed", "pending"] });
  });

  it("serialises the same view to the same URL whatever the click order", () => {
    const a = serializeViewState({
      ...full,
      hiddenKinds: ["securityGroup", "dbEndpoint"],
      statuses: ["pending", "failed"],
    });
    const b = serializeViewState({
      ...full,
      hiddenKinds: ["dbEndpoint", "securityGroup"],
      statuses: ["failed", "pending"],
    });
    expect(a).toBe(b);
    expect(serializeViewState(parseViewState(a))).toBe(a);
  });

  it("keeps ARNs and lists readable in the address bar", () => {
    const search = serializeViewState(full);
    expect(search).toContain("sel=arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev");
    expect(search).toContain("hide=dbEndpoint,securityGroup");
    expect(search).toContain("source=profile:prod-admin");
  });

  it("gives the default view an empty query string, and parses one back to the default", () => {
    expect(serializeViewState(EMPTY_VIEW)).toBe("");
    expect(parseViewState("")).toEqual({
      ...EMPTY_VIEW,
      source: undefined,
      region: undefined,
      panel: undefined,
      from: undefined,
      selected: undefined,
      focus: undefined,
    });
  });

  it("drops what is malformed or unknown instead of failing", () => {
    const view = parseViewState(
      "?source=../../etc&region=mars-1&panel=admin&from=vpc-XYZ&hide=securityGroup,bogus&status=failed,weird&sel=<script>&collapse=,vpc-0e27fe36b5514a2ef,,",
    );
    expect(view.source).toBeUndefined();
    expect(view.region).toBeUndefined();
    expect(view.panel).toBeUndefined();
    expect(view.from).toBeUndefined();
    expect(view.selected).toBeUndefined();
    expect(view.hiddenKinds).toEqual(["securityGroup"]);
    expect(view.statuses).toEqual(["failed"]);
    expect(view.collapsed).toEqual(["vpc-0e27fe36b5514a2ef"]);
  });

  it("keeps the audit log open across a reload (panel=audit), and no change sheet: a sheet holds a request token", () => {
    expect(parseViewState("?panel=audit").panel).toBe("audit");
    expect(serializeViewState({ ...EMPTY_VIEW, panel: "audit" })).toBe("?panel=audit");
    expect(parseViewState("?panel=sheet").panel).toBeUndefined();
  });

  it("de-duplicates lists and accepts repeated parameters", () => {
    const view = parseViewState("?vpc=vpc-023cb195488e7d121&vpc=vpc-023cb195488e7d121,vpc-061137ab7c3ac2069");
    expect(view.vpcs).toEqual(["vpc-023cb195488e7d121", "vpc-061137ab7c3ac2069"]);
  });

  it("tells whether filters narrow the diagram", () => {
    expect(hasActiveFilters(EMPTY_VIEW)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_VIEW, statuses: ["failed"] })).toBe(true);
  });

  it("records a fold only when it differs from the default", () => {
    const id = "vpc-0e27fe36b5514a2ef";
    // Small graph: expanded by default; folding lists it as collapsed, unfolding again clears it.
    const folded = toggleCollapsed(EMPTY_VIEW, id, false, false);
    expect(folded).toEqual({ collapsed: [id], expanded: [] });
    expect(toggleCollapsed({ ...EMPTY_VIEW, ...folded }, id, true, false)).toEqual({ collapsed: [], expanded: [] });
    // Large graph: collapsed by default; unfolding lists it as expanded.
    expect(toggleCollapsed(EMPTY_VIEW, id, true, true)).toEqual({ collapsed: [], expanded: [id] });
  });
});

describe("URL state: display and level", () => {
  it("carries the table display and the diagram level, and drops unknown values", () => {
    const parsed = parseViewState("?display=table&level=detail");
    expect(parsed.display).toBe("table");
    expect(parsed.level).toBe("detail");
    expect(serializeViewState(parsed)).toBe("?display=table&level=detail");
    const bad = parseViewState("?display=grid&level=zoomed");
    expect(bad.display).toBeUndefined();
    expect(bad.level).toBeUndefined();
    expect(serializeViewState(bad)).toBe("");
    expect(serializeViewState({ ...EMPTY_VIEW, level: "overview" })).toBe("?level=overview");
  });

  it("carries the table's words, kind of row and sort, squeezed and checked for shape only", () => {
    const parsed = parseViewState("?display=table&find=%20consumer%20%20sn-net%0A&rows=vpc&sort=-name");
    expect(parsed).toMatchObject({ tableText: "consumer sn-net", tableKind: "vpc", tableSort: "-name" });
    expect(serializeViewState(parsed)).toBe("?display=table&find=consumer+sn-net&rows=vpc&sort=-name");
    expect(parseViewState(serializeViewState(parsed))).toEqual(parsed);
    const bad = parseViewState(`?find=%20%20&rows=vpc%3Cscript&sort=--name&x=${"a".repeat(10)}`);
    expect(bad.tableText).toBeUndefined();
    expect(bad.tableKind).toBeUndefined();
    expect(bad.tableSort).toBeUndefined();
    expect(parseViewState(`?find=${"w".repeat(500)}`).tableText).toHaveLength(200);
  });
});
