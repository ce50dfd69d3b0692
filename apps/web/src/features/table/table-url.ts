/**
 * The table's sort and filter in the URL (`find=`, `rows=`, `sort=`, see lib/url-state.ts), so that a copied link
 * opens the table as it was: what the URL says, read as a TableQuery (unknown kinds and columns fall back to the
 * default), and a TableQuery written back (the default writes nothing). Pure.
 */
import type { ViewState } from "../../lib/url-state";
import { CATEGORIES, COLUMNS, DEFAULT_QUERY, type Category, type Column, type TableQuery } from "./table-rows";

export type TableView = Pick<ViewState, "tableText" | "tableKind" | "tableSort">;

const isCategory = (value: string | undefined): value is Category => CATEGORIES.some((c) => c === value);
const isColumn = (value: string): value is Column => COLUMNS.some((c) => c === value);

export function tableQueryOf(view: TableView): TableQuery {
  const descending = view.tableSort?.startsWith("-") ?? false;
  const column = view.tableSort?.replace(/^-/, "") ?? "";
  return {
    text: view.tableText ?? DEFAULT_QUERY.text,
    category: isCategory(view.tableKind) ? view.tableKind : DEFAULT_QUERY.category,
    sort: isColumn(column) ? column : DEFAULT_QUERY.sort,
    descending: isColumn(column) ? descending : DEFAULT_QUERY.descending,
  };
}

export function tableViewOf(query: TableQuery): Required<{ [K in keyof TableView]: TableView[K] }> {
  const sorted = query.sort !== DEFAULT_QUERY.sort || query.descending !== DEFAULT_QUERY.descending;
  return {
    tableText: query.text.replace(/\s+/g, " ").trim() || undefined,
    tableKind: query.category === "all" ? undefined : query.category,
    tableSort: sorted ? `${query.descending ? "-" : ""}${query.sort}` : undefined,
  };
}
