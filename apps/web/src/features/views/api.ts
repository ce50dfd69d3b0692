/**
 * Saved views (/api/views) and snapshots (/api/snapshots): create, list, read,
 * rename, delete; a snapshot file opened from disk; a snapshot reproduced in
 * the embedded emulator. Every failure is an ApiError (storage problems are
 * 503 STORAGE_UNAVAILABLE with a hint).
 */
import type { SavedView, Snapshot, SnapshotList, SnapshotMeta, ViewList } from "@lattice-atlas/shared";
import { deleteResource, getJson, patchJson, postJson, postText } from "../../lib/http";

const viewUrl = (id: string): string => `/api/views/${encodeURIComponent(id)}`;
const snapshotUrl = (id: string): string => `/api/snapshots/${encodeURIComponent(id)}`;

export const fetchViews = (signal?: AbortSignal): Promise<ViewList> => getJson<ViewList>("/api/views", {}, { signal });
export const fetchView = (id: string, signal?: AbortSignal): Promise<SavedView> =>
  getJson<SavedView>(viewUrl(id), {}, { signal });
export const createView = (name: string, state: string): Promise<SavedView> =>
  postJson<SavedView>("/api/views", { name, state });
export const renameView = (id: string, name: string): Promise<SavedView> => patchJson<SavedView>(viewUrl(id), { name });
export const deleteView = (id: string): Promise<void> => deleteResource(viewUrl(id));

export const fetchSnapshots = (signal?: AbortSignal): Promise<SnapshotList> =>
  getJson<SnapshotList>("/api/snapshots", {}, { signal });
export const fetchSnapshot = (id: string, signal?: AbortSignal): Promise<Snapshot> =>
  getJson<Snapshot>(snapshotUrl(id), {}, { signal });

export interface TakeSnapshot {
  source: string;
  region: string;
  state: string;
  name?: string | undefined;
}
export const takeSnapshot = ({ source, region, state, name }: TakeSnapshot): Promise<SnapshotMeta> =>
  postJson<SnapshotMeta>("/api/snapshots", { source, region, state, ...(name ? { name } : {}) });
export const renameSnapshot = (id: string, name: string): Promise<SnapshotMeta> =>
  patchJson<SnapshotMeta>(snapshotUrl(id), { name });
export const deleteSnapshot = (id: string): Promise<void> => deleteResource(snapshotUrl(id));
/** Where the browser downloads a snapshot as a file (lattice-atlas-snapshot v1). */
export const snapshotFileUrl = (id: string): string => `${snapshotUrl(id)}/file`;
/** A snapshot file's text, as the user picked it: the server says what is wrong with a bad one. */
export const importSnapshotFile = (text: string): Promise<SnapshotMeta> =>
  postText<SnapshotMeta>("/api/snapshots/import", text);

export interface EmulatedSnapshot {
  source: string;
  region: string;
  /** The console's URL of the reproduced topology (/?source=emulator&region=…&…). */
  url: string;
}
export const emulateSnapshot = (id: string): Promise<EmulatedSnapshot> =>
  postJson<EmulatedSnapshot>(`${snapshotUrl(id)}/emulate`, {});
