/**
 * What the short links say on screen: the snapshot banner (what was frozen,
 * where and when; download; reproduce it in the emulator; back to the live
 * console), a saved-view link that did not resolve, and the diagram area
 * while a snapshot opens or cannot.
 */
import { roleRefusal, type SnapshotMeta } from "@lattice-atlas/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { meQuery } from "../../auth/queries";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { parseViewState, serializeViewState } from "../../../lib/url-state";
import type { ViewUpdate } from "../../../lib/use-view-state";
import { connectKeys } from "../../connect/queries";
import { topologyKeys } from "../../topology/queries";
import { emulateSnapshot, snapshotFileUrl } from "../api";
import { navigateTo } from "../location";
import { formatBytes, formatTime } from "../../../lib/format";
import type { SharedRoute } from "../use-shared-route";

export function ShareBanner({ route, onView }: { route: SharedRoute; onView(update: ViewUpdate): void }) {
  if (route.snapshot) return <SnapshotBanner meta={route.snapshot} />;
  const notice = route.notice;
  if (!notice) return null;
  if (notice.kind === "opening-view")
    return (
      <div className="banner banner--share" role="status" data-testid="link-notice" data-kind={notice.kind}>
        Opening the saved view <code>{notice.id}</code>…
      </div>
    );
  return (
    <section
      className="banner banner--share-error"
      aria-label="Short link"
      data-testid="link-notice"
      data-kind={notice.kind}
    >
      {notice.kind === "view-not-found" ? (
        <p role="alert" className="share-notice__text">
          <strong>There is no saved view {notice.id} on this server</strong> — it may have been deleted, or the link
          belongs to another Lattice Atlas. Showing the default view instead.
        </p>
      ) : (
        <ErrorNotice error={notice.error} />
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            route.dismissNotice();
            onView({ panel: "views" });
          }}
        >
          Saved views
        </button>
        <button type="button" className="button button--small" aria-label="Dismiss" onClick={route.dismissNotice}>
          Dismiss
        </button>
      </div>
    </section>
  );
}

function SnapshotBanner({ meta }: { meta: SnapshotMeta }) {
  const queryClient = useQueryClient();
  // Reproducing replaces the emulator's state (a source): an admin's work in team mode.
  const me = useQuery(meQuery());
  const mayEmulate = me.data?.can.administer ?? false;
  const emulate = useMutation({
    mutationFn: () => emulateSnapshot(meta.id),
    onSuccess: (answer) => {
      // The emulator now holds another topology: what the cache knows of it is stale.
      const target = { source: answer.source, region: answer.region };
      queryClient.removeQueries({ queryKey: topologyKeys.graph(target) });
      queryClient.removeQueries({ queryKey: connectKeys.forTarget(target) });
      // The console writes its own URLs: the same view, in the order every other link has.
      const query = answer.url.includes("?") ? answer.url.slice(answer.url.indexOf("?")) : "";
      navigateTo(`/${serializeViewState(parseViewState(query))}`);
    },
  });
  return (
    <section
      className="banner banner--snapshot"
      aria-label="Snapshot"
      data-testid="snapshot-banner"
      data-snapshot-id={meta.id}
    >
      <div className="snapshot-banner__row">
        <span className="snapshot-banner__badge">Snapshot · frozen</span>
        <p className="snapshot-banner__text">
          <strong>
            Snapshot of {meta.source.label} · {meta.region} · account {meta.accountId}
          </strong>{" "}
          taken <time dateTime={meta.takenAt}>{formatTime(meta.takenAt)}</time>
          <span className="muted">
            {" "}
            — “{meta.name}”, {meta.nodes} nodes · {formatBytes(meta.bytes)}. Read from the snapshot, never from AWS:
            nothing here refreshes or changes.
          </span>
        </p>
        <div className="button-row">
          {mayEmulate ? (
            <button
              type="button"
              className="button button--small"
              data-testid="emulate-snapshot"
              disabled={emulate.isPending}
              title="Replace the embedded emulator's state with this topology and open it there, to try changes"
              onClick={() => emulate.mutate()}
            >
              {emulate.isPending ? "Reproducing…" : "Reproduce in the emulator"}
            </button>
          ) : me.data ? (
            <span className="muted" data-testid="emulate-not-allowed">
              {roleRefusal(me.data.role ?? "viewer", "admin", "reproduce a snapshot in the emulator")}
            </span>
          ) : null}
          <a
            className="button button--small"
            href={snapshotFileUrl(meta.id)}
            download
            data-testid="snapshot-banner-download"
          >
            Download
          </a>
          <a
            className="button button--small"
            href="/"
            data-testid="leave-snapshot"
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              navigateTo("/");
            }}
          >
            Live console
          </a>
        </div>
      </div>
      {emulate.isError ? <ErrorNotice error={emulate.error} /> : null}
    </section>
  );
}

/** The diagram area of /s/<id> until the snapshot is read. */
export function SnapshotStage({ route, onView }: { route: SharedRoute; onView(update: ViewUpdate): void }) {
  if (route.snapshotError) {
    return (
      <div className="stage__message snapshot-stage" data-testid="snapshot-missing">
        <ErrorNotice
          error={route.snapshotError}
          action={
            <div className="button-row">
              <button type="button" className="button" onClick={() => onView({ panel: "snapshots" })}>
                Snapshots
              </button>
              <button type="button" className="button" onClick={() => navigateTo("/")}>
                Open the live console
              </button>
            </div>
          }
        />
      </div>
    );
  }
  return (
    <div className="stage__message snapshot-stage" aria-busy="true">
      <div className="loading-card">
        <p className="loading-card__title">Opening snapshot {route.snapshotId}…</p>
      </div>
    </div>
  );
}
