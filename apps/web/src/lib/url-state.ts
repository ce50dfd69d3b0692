/**
 * The URL is the view state: what a teammate sees when you send them the link.
 * Pure parse/serialise between a query string and ViewState; unknown or
 * malformed values are dropped, lists are de-duplicated, and the parameter
 * order is fixed so that the same view always gives the same URL.
 */
import { STATUS_CLASSES, type NodeKind, type StatusClass } from "@lattice-atlas/shared";
import { NODE_KIND_LIST } from "./node-kinds";

const PANELS = ["details", "connect", "audit", "explain", "views", "snapshots", "estate"] as const;
export type PanelId = (typeof PANELS)[number];

export interface ViewFilters {
  /** Node kinds taken off the diagram. */
  hiddenKinds: NodeKind[];
  /** Only what these VPCs reach or are reached from (empty: every VPC). */
  vpcs: string[];
  /** Only what goes through these service networks (empty: every network). */
  serviceNetworks: string[];
  /** Only nodes whose status falls in these classes (empty: every status). */
  statuses: StatusClass[];
  /** In an estate: only these accounts (empty: every account). */
  accounts: string[];
  /** In an estate: only these regions (empty: every region read). */
  regions: string[];
}

export interface ViewState extends ViewFilters {
  source?: string | undefined;
  region?: string | undefined;
  /** The selected node (details panel). */
  selected?: string | undefined;
  /** The node the viewport centres on (search, "show on map"). */
  focus?: string | undefined;
  panel?: PanelId | undefined;
  /** The consumer VPC of the "Connect from…" answer (and the client's VPC of a connectivity check). */
  from?: string | undefined;
  /** Connectivity check (panel=explain): the target, and optionally the name, client group and port used. */
  to?: string | undefined;
  hostname?: string | undefined;
  clientGroup?: string | undefined;
  port?: number | undefined;
  /** The stage shows the table of things instead of the diagram. */
  display?: "table" | undefined;
  /** The diagram's level: the aggregated overview or every node (unset: overview for large topologies). */
  level?: "overview" | "detail" | undefined;
  /**
   * The table view's words to find, kind of row and sorted column ("-name": descending). Only their shape is
   * checked here; what they mean is the table's (features/table/table-url.ts), which drops what it does not know.
   */
  tableText?: string | undefined;
  tableKind?: string | undefined;
  tableSort?: string | undefined;
  /** VPCs / service networks (and overview groups) collapsed or expanded against the default. */
  collapsed: string[];
  expanded: string[];
}

export const EMPTY_VIEW: ViewState = {
  hiddenKinds: [],
  vpcs: [],
  serviceNetworks: [],
  statuses: [],
  accounts: [],
  regions: [],
  collapsed: [],
  expanded: [],
};

/** Parameter names, in the order they are written. */
const PARAM = {
  source: "source",
  region: "region",
  panel: "panel",
  from: "from",
  to: "to",
  hostname: "hostname",
  clientGroup: "sg",
  port: "port",
  selected: "sel",
  focus: "focus",
  display: "display",
  level: "level",
  tableText: "find",
  tableKind: "rows",
  tableSort: "sort",
  hiddenKinds: "hide",
  vpcs: "vpc",
  serviceNetworks: "sn",
  statuses: "status",
  accounts: "account",
  regions: "in",
  collapsed: "collapse",
  expanded: "expand",
} as const;

const SOURCE_PATTERN = /^(emulator|default|estate|estate:emulator|profile:[A-Za-z0-9_.@+-]{1,64})$/;
const ACCOUNT_PATTERN = /^\d{12}$/;
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const VPC_PATTERN = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** Any node id: an AWS id, an ARN or a DNS name. */
const NODE_ID_PATTERN = /^[A-Za-z0-9:/._@+-]{3,2048}$/;
const HOSTNAME_PATTERN = /^[A-Za-z0-9.-]{3,255}$/;
const GROUP_PATTERN = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;
const WORD_PATTERN = /^[a-z]{1,24}$/i;
const SORT_PATTERN = /^-?[a-z]{1,24}$/i;
const TEXT_LIMIT = 200;
const PORT_PATTERN = /^([1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/;

function single(params: URLSearchParams, name: string, pattern: RegExp): string | undefined {
  const value = params.get(name)?.trim();
  return value && pattern.test(value) ? value : undefined;
}

/** Free words (a filter box): control characters dropped, spaces squeezed, at most TEXT_LIMIT characters. */
function text(params: URLSearchParams, name: string): string | undefined {
  const value = params
    .get(name)
    // eslint-disable-next-line no-control-regex
    ?.replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, TEXT_LIMIT);
  return value || undefined;
}

function list(params: URLSearchParams, name: string, accept: (value: string) => boolean): string[] {
  const seen = new Set<string>();
  for (const raw of params.getAll(name)) {
    for (const part of raw.split(",")) {
      const value = part.trim();
      if (value && accept(value)) seen.add(value);
    }
  }
  return [...seen];
}

function oneOf<T extends string>(values: readonly T[]): (value: string) => value is T {
  return (value: string): value is T => (values as readonly string[]).includes(value);
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const isNodeId = (value: string): boolean => NODE_ID_PATTERN.test(value);
  const panel = params.get(PARAM.panel);
  const level = params.get(PARAM.level);
  return {
    source: single(params, PARAM.source, SOURCE_PATTERN),
    region: single(params, PARAM.region, REGION_PATTERN),
    panel: panel && oneOf(PANELS)(panel) ? panel : undefined,
    from: single(params, PARAM.from, VPC_PATTERN),
    to: single(params, PARAM.to, NODE_ID_PATTERN),
    hostname: single(params, PARAM.hostname, HOSTNAME_PATTERN),
    clientGroup: single(params, PARAM.clientGroup, GROUP_PATTERN),
    port: Number(single(params, PARAM.port, PORT_PATTERN)) || undefined,
    selected: single(params, PARAM.selected, NODE_ID_PATTERN),
    focus: single(params, PARAM.focus, NODE_ID_PATTERN),
    display: params.get(PARAM.display) === "table" ? "table" : undefined,
    level: level === "overview" || level === "detail" ? level : undefined,
    tableText: text(params, PARAM.tableText),
    tableKind: single(params, PARAM.tableKind, WORD_PATTERN),
    tableSort: single(params, PARAM.tableSort, SORT_PATTERN),
    hiddenKinds: list(params, PARAM.hiddenKinds, oneOf(NODE_KIND_LIST)) as NodeKind[],
    vpcs: list(params, PARAM.vpcs, (v) => VPC_PATTERN.test(v)),
    serviceNetworks: list(params, PARAM.serviceNetworks, isNodeId),
    statuses: list(params, PARAM.statuses, oneOf(STATUS_CLASSES)) as StatusClass[],
    accounts: list(params, PARAM.accounts, (v) => ACCOUNT_PATTERN.test(v)),
    regions: list(params, PARAM.regions, (v) => REGION_PATTERN.test(v)),
    collapsed: list(params, PARAM.collapsed, isNodeId),
    expanded: list(params, PARAM.expanded, isNodeId),
  };
}

/** The query string (with its "?", or "" for the default view) of a view. */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | undefined): void => {
    if (value) params.set(name, value);
  };
  const putList = (name: string, values: readonly string[]): void => {
    const unique = [...new Set(values)];
    if (unique.length > 0) params.set(name, unique.join(","));
  };
  put(PARAM.source, view.source);
  put(PARAM.region, view.region);
  put(PARAM.panel, view.panel);
  put(PARAM.from, view.from);
  put(PARAM.to, view.to);
  put(PARAM.hostname, view.hostname);
  put(PARAM.clientGroup, view.clientGroup);
  put(PARAM.port, view.port === undefined ? undefined : String(view.port));
  put(PARAM.selected, view.selected);
  put(PARAM.focus, view.focus);
  put(PARAM.display, view.display);
  put(PARAM.level, view.level);
  put(PARAM.tableText, view.tableText?.trim());
  put(PARAM.tableKind, view.tableKind);
  put(PARAM.tableSort, view.tableSort);
  // Kinds and statuses are sets of known words: sort them so that the order of clicks does not matter.
  putList(PARAM.hiddenKinds, [...view.hiddenKinds].sort());
  putList(PARAM.vpcs, view.vpcs);
  putList(PARAM.serviceNetworks, view.serviceNetworks);
  putList(PARAM.statuses, [...view.statuses].sort());
  putList(PARAM.accounts, [...view.accounts].sort());
  putList(PARAM.regions, [...view.regions].sort());
  putList(PARAM.collapsed, view.collapsed);
  putList(PARAM.expanded, view.expanded);
  // URLSearchParams encodes ":" and "/" (ARNs) and ","; they are safe in a query string and far easier to read.
  const query = params.toString().replace(/%3A/gi, ":").replace(/%2F/gi, "/").replace(/%2C/gi, ",");
  return query ? `?${query}` : "";
}

/** Whether a filter narrows the diagram at all. */
export function hasActiveFilters(filters: ViewFilters): boolean {
  return (
    filters.hiddenKinds.length > 0 ||
    filters.vpcs.length > 0 ||
    filters.serviceNetworks.length > 0 ||
    filters.statuses.length > 0 ||
    filters.accounts.length > 0 ||
    filters.regions.length > 0
  );
}

/** Toggle a container between collapsed and expanded, relative to its default. */
export function toggleCollapsed(
  view: ViewState,
  id: string,
  collapsedNow: boolean,
  collapsedByDefault: boolean,
): Pick<ViewState, "collapsed" | "expanded"> {
  const collapsed = view.collapsed.filter((c) => c !== id);
  const expanded = view.expanded.filter((e) => e !== id);
  const wantCollapsed = !collapsedNow;
  if (wantCollapsed !== collapsedByDefault) (wantCollapsed ? collapsed : expanded).push(id);
  return { collapsed, expanded };
}
