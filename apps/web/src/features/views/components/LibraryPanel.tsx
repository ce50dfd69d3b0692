/**
 * The Views and Snapshots panels (loaded on demand). Saved views: open,
 * rename, delete, each short link /v/<id> with Copy. Snapshots: when, what
 * (source, region, account) and how big; open (/s/<id>, read-only), rename,
 * delete, download the file; "Open a snapshot file…" sends a file's text to
 * the server, which says in words what is wrong with a bad one.
 */
import type { SavedView, SnapshotMeta } from "@lattice-atlas/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type ChangeEvent, type FormEvent, type MouseEvent, type ReactNode } from "react";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { deleteSnapshot, deleteView, importSnapshotFile, renameSnapshot, renameView, snapshotFileUrl } from "../api";
import { navigateTo, useLocationPath } from "../location";
import { invalidateSnapshots, snapshotsQuery, viewKeys, viewsQuery } from "../queries";
import { absoluteLink, liveUrlForState, parseSharePath, snapshotPath, viewPath } from "../share-paths";
import { formatBytes, formatTime } from "../../../lib/format";

/** A plain click on a link navigates inside the console; a modified click keeps the browser's meaning (new tab …). */
function inApp(url: string, before?: () => void) {
  return (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    before?.();
    navigateTo(url);
  };
}

export default function LibraryPanel({ panel }: { panel: "views" | "snapshots" }) {
  return panel === "views" ? <ViewsList /> : <SnapshotsList />;
}

function ViewsList() {
  const views = useQuery(viewsQuery());
  const queryClient = useQueryClient();
  const invalidate = (): Promise<void> => queryClient.invalidateQueries({ queryKey: viewKeys.list() });
  return (
    <div className="panel__body library" data-testid="views-panel">
      <header className="library__head">
        <h2 className="library__title">Saved views</h2>
        <p className="muted">
          A view is the console&apos;s state (source, region, filters, folds, selection, panel) under a name, with a
          short link. &quot;Save view&quot; above the diagram adds one.
        </p>
      </header>
      {views.isPending ? <p className="muted">Reading saved views…</p> : null}
      {views.isError ? <ErrorNotice error={views.error} onRetry={() => void views.refetch()} compact /> : null}
      {views.data && views.data.views.length === 0 ? <p className="library__empty">No saved views yet.</p> : null}
      {views.data && views.data.views.length > 0 ? (
        <ul className="library__list">
          {views.data.views.map((v) => (
            <ViewRow key={v.id} view={v} onChanged={invalidate} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ViewRow({ view, onChanged }: { view: SavedView; onChanged(): Promise<void> }) {
  const link = absoluteLink(viewPath(view.id), window.location.origin);
  const target = liveUrlForState(view.state);
  const rename = useMutation({ mutationFn: (name: string) => renameView(view.id, name), onSuccess: onChanged });
  const remove = useMutation({ mutationFn: () => deleteView(view.id), onSuccess: onChanged });
  return (
    <li className="library__item" data-testid="view-row" data-view-id={view.id}>
      <RowHead
        name={view.name}
        href={target}
        onOpen={inApp(target)}
        rename={rename}
        renameLabel="Rename the saved view"
        openTestId="open-view"
      />
      <p className="library__meta muted">
        Saved {formatTime(view.createdAt)}
        {view.updatedAt !== view.createdAt ? ` · renamed ${formatTime(view.updatedAt)}` : ""}
      </p>
      <div className="share-link">
        <code data-testid="view-link">{link}</code>
        <CopyButton value={link} label={`Copy the link of ${view.name}`} testId="copy-view-link" />
      </div>
      <RowActions remove={remove} what="saved view" />
    </li>
  );
}

function SnapshotsList() {
  const snapshots = useQuery(snapshotsQuery());
  const queryClient = useQueryClient();
  const path = parseSharePath(useLocationPath());
  const openId = path.kind === "snapshot" ? path.id : undefined;
  const fileInput = useRef<HTMLInputElement>(null);
  const open = useMutation({
    mutationFn: async (file: File) => importSnapshotFile(await file.text()),
    onSuccess: async (meta) => {
      await invalidateSnapshots(queryClient);
      navigateTo(snapshotPath(meta.id));
    },
  });
  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // The same file can be picked again after a fix.
    event.target.value = "";
    if (file) open.mutate(file);
  };
  return (
    <div className="panel__body library" data-testid="snapshots-panel">
      <header className="library__head">
        <h2 className="library__title">Snapshots</h2>
        <p className="muted">
          A snapshot freezes a topology and its view. It opens read-only with no AWS access — the diagram, details,
          &quot;Connect from&quot; answers and DNS names all come from the frozen data.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            data-testid="open-snapshot-file"
            disabled={open.isPending}
            onClick={() => fileInput.current?.click()}
          >
            {open.isPending ? "Opening…" : "Open a snapshot file…"}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Snapshot file"
            data-testid="snapshot-file-input"
            onChange={onFile}
          />
        </div>
        {open.isError ? (
          <div data-testid="snapshot-file-error">
            <ErrorNotice
              error={open.error}
              action={
                <button type="button" className="button button--small" onClick={() => open.reset()}>
                  Dismiss
                </button>
              }
            />
          </div>
        ) : null}
      </header>
      {snapshots.isPending ? <p className="muted">Reading snapshots…</p> : null}
      {snapshots.isError ? (
        <ErrorNotice error={snapshots.error} onRetry={() => void snapshots.refetch()} compact />
      ) : null}
      {snapshots.data && snapshots.data.snapshots.length === 0 ? (
        <p className="library__empty">
          No snapshots yet. &quot;Take snapshot&quot; above the diagram freezes the one on screen.
        </p>
      ) : null}
      {snapshots.data && snapshots.data.snapshots.length > 0 ? (
        <ul className="library__list">
          {snapshots.data.snapshots.map((s) => (
            <SnapshotRow key={s.id} meta={s} isOpen={s.id === openId} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SnapshotRow({ meta, isOpen }: { meta: SnapshotMeta; isOpen: boolean }) {
  const queryClient = useQueryClient();
  const path = snapshotPath(meta.id);
  const link = absoluteLink(path, window.location.origin);
  const rename = useMutation({
    mutationFn: (name: string) => renameSnapshot(meta.id, name),
    onSuccess: (renamed) => invalidateSnapshots(queryClient, renamed),
  });
  const remove = useMutation({
    mutationFn: () => deleteSnapshot(meta.id),
    onSuccess: async () => {
      await invalidateSnapshots(queryClient);
      // The snapshot on screen is gone: back to the live console.
      if (isOpen) navigateTo("/");
    },
  });
  return (
    <li
      className={`library__item${isOpen ? " is-open" : ""}`}
      data-testid="snapshot-row"
      data-snapshot-id={meta.id}
      aria-current={isOpen ? "page" : undefined}
    >
      <RowHead
        name={meta.name}
        href={path}
        onOpen={inApp(path)}
        rename={rename}
        renameLabel="Rename the snapshot"
        openTestId="open-snapshot"
        badge={isOpen ? <span className="library__badge">open</span> : null}
      />
      <p className="library__meta">
        <time dateTime={meta.takenAt}>{formatTime(meta.takenAt)}</time> · {meta.source.label} · {meta.region} · account{" "}
        <code>{meta.accountId}</code>
      </p>
      <p className="library__meta muted">
        {meta.nodes} nodes, {meta.edges} lines · {formatBytes(meta.bytes)}
      </p>
      <div className="share-link">
        <code>{link}</code>
        <CopyButton value={link} label={`Copy the link of ${meta.name}`} testId="copy-snapshot-row-link" />
      </div>
      <RowActions remove={remove} what="snapshot">
        <a className="button button--small" href={snapshotFileUrl(meta.id)} download data-testid="download-snapshot">
          Download
        </a>
      </RowActions>
    </li>
  );
}

interface RenameMutation {
  mutate(name: string, options?: { onSuccess?: () => void }): void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset(): void;
}

/** The name (a link that opens it) and its inline rename. */
function RowHead({
  name,
  href,
  onOpen,
  rename,
  renameLabel,
  openTestId,
  badge,
}: {
  name: string;
  href: string;
  onOpen(event: MouseEvent<HTMLAnchorElement>): void;
  rename: RenameMutation;
  renameLabel: string;
  openTestId: string;
  badge?: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const next = draft.trim();
    if (!next || next === name) {
      setEditing(false);
      return;
    }
    rename.mutate(next, { onSuccess: () => setEditing(false) });
  };
  if (editing) {
    return (
      <form className="library__rename" onSubmit={onSubmit}>
        <input
          value={draft}
          maxLength={120}
          required
          aria-label={renameLabel}
          data-testid="rename-input"
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.preventDefault();
              setEditing(false);
              rename.reset();
            }
          }}
        />
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={rename.isPending}
          data-testid="rename-save"
        >
          Save
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setEditing(false);
            rename.reset();
          }}
        >
          Cancel
        </button>
        {rename.isError ? <ErrorNotice error={rename.error} /> : null}
      </form>
    );
  }
  return (
    <div className="library__name-row">
      <a className="library__name" href={href} onClick={onOpen} data-testid={openTestId}>
        {name}
      </a>
      {badge}
      <button
        type="button"
        className="link-button library__rename-button"
        data-testid="rename-button"
        onClick={() => {
          setDraft(name);
          setEditing(true);
        }}
      >
        Rename
      </button>
    </div>
  );
}

/** Extra actions, then Delete with a second click to confirm. */
function RowActions({
  remove,
  what,
  children,
}: {
  remove: { mutate(): void; isPending: boolean; isError: boolean; error: unknown };
  what: string;
  children?: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <div className="button-row library__actions">
        {children}
        {confirming ? (
          <>
            <button
              type="button"
              className="button button--small button--danger"
              data-testid="confirm-delete"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {remove.isPending ? "Deleting…" : `Delete this ${what}`}
            </button>
            <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--small button--danger-outline"
            data-testid="delete-button"
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
      {remove.isError ? <ErrorNotice error={remove.error} /> : null}
    </>
  );
}
