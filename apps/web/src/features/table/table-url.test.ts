import { describe, expect, it } from "vitest";
import { parseViewState, serializeViewState, EMPTY_VIEW } from "../../lib/url-state";
import { DEFAULT_QUERY, type TableQuery } from "./table-rows";
import { tableQueryOf, tableViewOf } from "./table-url";

describe("the table's query in the URL", () => {
  it("reads a link's sort and filter back as the table had them", () => {
    const query: TableQuery = { text: "consumer sn-net", category: "vpc", sort: "name", descending: true };
    const search = serializeViewState({ ...EMPTY_VIEW, display: "table", ...tableViewOf(query) });
    expect(search).toBe("?display=table&find=consumer+sn-net&rows=vpc&sort=-name");
    expect(tableQueryOf(parseViewState(search))).toEqual(query);
  });

  it("writes nothing for the default query, and an ascending sort without its minus", () => {
    expect(tableViewOf(DEFAULT_QUERY)).toEqual({ tableText: undefined, tableKind: undefined, tableSort: undefined });
    expect(tableViewOf({ ...DEFAULT_QUERY, sort: "status" }).tableSort).toBe("status");
    expect(tableViewOf({ ...DEFAULT_QUERY, descending: true }).tableSort).toBe("-category");
    expect(tableViewOf({ ...DEFAULT_QUERY, text: "   " }).tableText).toBeUndefined();
    // As the URL reads it back: spaces squeezed.
    expect(tableViewOf({ ...DEFAULT_QUERY, text: " consumer   sn " }).tableText).toBe("consumer sn");
  });

  it("falls back to the default for a kind or column it does not know", () => {
    expect(tableQueryOf({})).toEqual(DEFAULT_QUERY);
    expect(tableQueryOf({ tableKind: "bucket", tableSort: "-colour" })).toEqual(DEFAULT_QUERY);
    expect(tableQueryOf({ tableKind: "hostname", tableSort: "relation" })).toEqual({
      ...DEFAULT_QUERY,
      category: "hostname",
      sort: "relation",
    });
  });
});
