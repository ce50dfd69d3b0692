/**
 * The console's short links: /v/<id> (a saved view, resolved to /?<state>) and
 * /s/<id> (a snapshot, browsed read-only at /s/<id>?<view>). Pure: paths and
 * query strings in, paths and query strings out.
 */
import { SNAPSHOT_ID, VIEW_ID } from "@lattice-atlas/shared";
import { parseViewState, serializeViewState, type ViewState } from "../../lib/url-state";
import type { SourceTarget } from "../topology/target";

export type SharePath =
  | { kind: "live" }
  /** `valid`: the id has the shape of a view id (one that has not is unknown without asking the server). */
  | { kind: "view"; id: string; valid: boolean }
  | { kind: "snapshot"; id: string; valid: boolean };

const VIEW_ID_PATTERN = new RegExp(VIEW_ID);
const SNAPSHOT_ID_PATTERN = new RegExp(SNAPSHOT_ID);
const SHARE_PATH = /^\/([vs])\/([^/]*)\/?$/;

export function parseSharePath(pathname: string): SharePath {
  const match = SHARE_PATH.exec(pathname);
  if (!match) return { kind: "live" };
  let id: string;
  try {
    id = decodeURIComponent(match[2]!);
  } catch {
    id = match[2]!;
  }
  return match[1] === "v"
    ? { kind: "view", id, valid: VIEW_ID_PATTERN.test(id) }
    : { kind: "snapshot", id, valid: SNAPSHOT_ID_PATTERN.test(id) };
}

export const viewPath = (id: string): string => `/v/${encodeURIComponent(id)}`;
export const snapshotPath = (id: string): string => `/s/${encodeURIComponent(id)}`;

/** The Views and Snapshots panels manage views; they are not part of one. */
const withoutLibraryPanel = (view: ViewState): ViewState =>
  view.panel === "views" || view.panel === "snapshots" ? { ...view, panel: undefined } : view;

/**
 * The state the API stores for the view on screen: the query string with the resolved source and region, no "?".
 * (Of a live view: a snapshot's target is no source to come back to.)
 */
export function shareableState(view: ViewState, target: SourceTarget): string {
  return serializeViewState({ ...withoutLibraryPanel(view), source: target.source, region: target.region }).replace(
    /^\?/,
    "",
  );
}

/** Where a saved view opens: the console at its state (re-serialised, so that only what the console knows survives). */
export function liveUrlForState(state: string): string {
  return `/${serializeViewState(parseViewState(state))}`;
}

/**
 * The query string of a snapshot's view: its state without source and region, which the snapshot fixes. A
 * snapshot taken while the Snapshots or Views panel was open opens without it.
 */
export function snapshotSearch(state: string): string {
  return serializeViewState({ ...withoutLibraryPanel(parseViewState(state)), source: undefined, region: undefined });
}

/** The absolute short link of a saved view or snapshot, for Copy. */
export function absoluteLink(path: string, origin: string): string {
  return `${origin}${path}`;
}

/** A name to offer when saving the view on screen: what it answers, where. */
export function suggestViewName(
  view: ViewState,
  labelOf: (id: string) => string | undefined,
  where: { sourceLabel: string; region: string },
): string {
  const place = `${where.sourceLabel} · ${where.region}`;
  if (view.from) return `Connect from ${labelOf(view.from) ?? view.from} · ${where.region}`;
  if (view.selected) return `${labelOf(view.selected) ?? view.selected} · ${where.region}`;
  if (view.focus) return `${labelOf(view.focus) ?? view.focus} · ${where.region}`;
  return place;
}
