/**
 * What the path of the address bar asks for: the live console (/), a saved
 * view (/v/<id>: read it, then replace the URL with /?<its state>, leaving no
 * Back step), or a snapshot (/s/<id>: browsed read-only from its frozen data,
 * its view state applied when it opens). A short link that does not resolve
 * leaves a notice and the live console.
 */
import type { SnapshotMeta } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../../lib/api-error";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { snapshotTarget, type SourceTarget } from "../topology/target";
import { navigateTo, useLocationPath } from "./location";
import { snapshotQuery, viewQuery } from "./queries";
import { liveUrlForState, parseSharePath, snapshotPath, snapshotSearch } from "./share-paths";

type LinkNotice =
  | { kind: "opening-view"; id: string }
  | { kind: "view-not-found"; id: string }
  | { kind: "view-failed"; id: string; error: unknown };

export interface SharedRoute {
  /** /s/<id>: the snapshot asked for (browsed with no AWS access at all). */
  snapshotId: string | undefined;
  /** Its meta, once read. */
  snapshot: SnapshotMeta | undefined;
  /** The account view of the snapshot (see snapshotTarget), once read. */
  target: SourceTarget | undefined;
  /** The snapshot is being read, or could not be (error). */
  snapshotPending: boolean;
  snapshotError: unknown;
  /** About a saved-view link: being opened, or not found. */
  notice: LinkNotice | undefined;
  dismissNotice(): void;
}

export function useSharedRoute(): SharedRoute {
  const pathname = useLocationPath();
  const path = useMemo(() => parseSharePath(pathname), [pathname]);
  const [notice, setNotice] = useState<LinkNotice | undefined>(undefined);

  // /v/<id>: resolve, then the console at the view's state, in place of the short link.
  const viewId = path.kind === "view" ? path.id : undefined;
  const view = useQuery({ ...viewQuery(viewId ?? ""), enabled: path.kind === "view" && path.valid });
  useEffect(() => {
    if (path.kind !== "view") return;
    if (!path.valid) {
      setNotice({ kind: "view-not-found", id: path.id });
      navigateTo("/", { replace: true });
    } else if (view.data) {
      setNotice(undefined);
      navigateTo(liveUrlForState(view.data.state), { replace: true });
    } else if (view.isError) {
      const status = (view.error as { status?: number } | null)?.status;
      setNotice(
        status === 404
          ? { kind: "view-not-found", id: path.id }
          : { kind: "view-failed", id: path.id, error: view.error },
      );
      navigateTo("/", { replace: true });
    } else {
      setNotice({ kind: "opening-view", id: path.id });
    }
  }, [path, view.data, view.isError, view.error]);

  // /s/<id>: the frozen topology; its view state once per opening, unless the link carries a view of its own.
  const snapshotId = path.kind === "snapshot" ? path.id : undefined;
  const snapshot = useQuery({ ...snapshotQuery(snapshotId ?? ""), enabled: path.kind === "snapshot" && path.valid });
  const meta = path.kind === "snapshot" && path.valid ? snapshot.data?.meta : undefined;
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!snapshotId) {
      applied.current = undefined;
      return;
    }
    if (!meta || meta.id !== snapshotId || applied.current === meta.id) return;
    applied.current = meta.id;
    if (window.location.search === "")
      navigateTo(`${snapshotPath(meta.id)}${snapshotSearch(meta.state)}`, { replace: true });
  }, [snapshotId, meta]);

  const metaId = meta?.id;
  const metaRegion = meta?.region;
  const target = useMemo(
    () => (metaId && metaRegion ? snapshotTarget(metaId, metaRegion) : undefined),
    [metaId, metaRegion],
  );
  const dismissNotice = useCallback(() => setNotice(undefined), []);

  const invalidSnapshot = path.kind === "snapshot" && !path.valid;
  return {
    snapshotId,
    snapshot: meta,
    target,
    snapshotPending: path.kind === "snapshot" && path.valid && snapshot.isPending,
    snapshotError: invalidSnapshot
      ? notFound(path.id)
      : path.kind === "snapshot"
        ? (snapshot.error ?? undefined)
        : undefined,
    notice,
    dismissNotice,
  };
}

/** What the server would say of a snapshot id of the wrong shape (no request needed). */
function notFound(id: string): ApiError {
  return new ApiError("NOT_FOUND", `There is no snapshot ${id} on this server.`, 404, {
    hint: "Snapshot links look like /s/s… (ten letters and digits). Open the Snapshots panel to see what this server holds.",
  });
}
