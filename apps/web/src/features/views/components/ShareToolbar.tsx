/**
 * Over the top left of the diagram: "Save view" (a name, then a short link
 * /v/<id> to copy), "Take snapshot" (the topology as read now, with this view,
 * browsable later with no AWS access at /s/<id>), the Export menu (passed in:
 * it lives beside the canvas), and the Views and Snapshots panels. On a
 * snapshot only what reads it stays: exports and the panels.
 */
import type { SavedView, SnapshotMeta, Topology } from "@lattice-atlas/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import type { ViewState } from "../../../lib/url-state";
import type { ViewUpdate } from "../../../lib/use-view-state";
import type { SourceTarget } from "../../topology/target";
import { createView, takeSnapshot } from "../api";
import { navigateTo } from "../location";
import { snapshotKeys, viewKeys } from "../queries";
import { absoluteLink, shareableState, snapshotPath, suggestViewName, viewPath } from "../share-paths";
import { formatBytes } from "../../../lib/format";
import { Popover } from "../../../lib/ui/Popover";
import "../views.css";

interface ShareToolbarProps {
  view: ViewState;
  /** The live account view; absent on a snapshot (nothing to save or freeze there) and before sources are read. */
  liveTarget: SourceTarget | undefined;
  topology: Topology | undefined;
  onView(update: ViewUpdate): void;
  /** The Export menu. */
  children?: ReactNode;
}

export function ShareToolbar({ view, liveTarget, topology, onView, children }: ShareToolbarProps) {
  const toggle = (panel: "views" | "snapshots"): void => onView({ panel: view.panel === panel ? undefined : panel });
  const ready = liveTarget !== undefined && topology !== undefined;
  return (
    <div className="share-toolbar" role="toolbar" aria-label="Save, snapshot and export this view">
      {liveTarget ? (
        <>
          <Popover
            label="Save view"
            testId="save-view-button"
            disabled={!ready}
            title="Save this view under a name, with a short link"
          >
            {(close) =>
              ready ? (
                <SaveViewForm view={view} target={liveTarget} topology={topology} onView={onView} onClose={close} />
              ) : null
            }
          </Popover>
          <Popover
            label="Take snapshot"
            testId="take-snapshot-button"
            disabled={!ready}
            title="Freeze the topology as read now, with this view: browsable later with no AWS access"
          >
            {(close) =>
              ready ? (
                <TakeSnapshotForm view={view} target={liveTarget} topology={topology} onView={onView} onClose={close} />
              ) : null
            }
          </Popover>
        </>
      ) : null}
      {children}
      <span className="share-toolbar__gap" aria-hidden="true" />
      <button
        type="button"
        className="button button--small"
        data-testid="views-button"
        aria-pressed={view.panel === "views"}
        onClick={() => toggle("views")}
      >
        Views
      </button>
      <button
        type="button"
        className="button button--small"
        data-testid="snapshots-button"
        aria-pressed={view.panel === "snapshots"}
        onClick={() => toggle("snapshots")}
      >
        Snapshots
      </button>
    </div>
  );
}

interface FormProps {
  view: ViewState;
  target: SourceTarget;
  topology: Topology;
  onView(update: ViewUpdate): void;
  onClose(): void;
}

function labelIn(topology: Topology): (id: string) => string | undefined {
  return (id) => topology.nodes.find((n) => n.id === id)?.label;
}

function SaveViewForm({ view, target, topology, onView, onClose }: FormProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(() =>
    suggestViewName(view, labelIn(topology), { sourceLabel: topology.source.label, region: target.region }),
  );
  const save = useMutation({
    mutationFn: (): Promise<SavedView> => createView(name.trim(), shareableState(view, target)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewKeys.list() }),
  });
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() && !save.isPending) save.mutate();
  };
  if (save.data) {
    const link = absoluteLink(viewPath(save.data.id), window.location.origin);
    return (
      <div className="share-popover__body" data-testid="saved-view" data-view-id={save.data.id}>
        <p className="share-popover__title">Saved “{save.data.name}”</p>
        <p className="muted">Anyone who can open this console sees this view at its link:</p>
        <div className="share-link">
          <code data-testid="saved-view-link">{link}</code>
          <CopyButton value={link} label="Copy the link of the saved view" testId="copy-saved-view-link" />
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onClose();
              onView({ panel: "views" });
            }}
          >
            All saved views
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="share-popover__body" onSubmit={onSubmit}>
      <label className="share-field">
        <span>Name</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          required
          data-testid="save-view-name"
        />
      </label>
      <p className="muted share-popover__note">
        Saves the source, region, filters, folds, selection and open panel — the view, not the data.
      </p>
      {save.isError ? <ErrorNotice error={save.error} /> : null}
      <div className="button-row">
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={!name.trim() || save.isPending}
          data-testid="save-view-submit"
        >
          {save.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}

function TakeSnapshotForm({ view, target, topology, onView, onClose }: FormProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const take = useMutation({
    mutationFn: (): Promise<SnapshotMeta> =>
      takeSnapshot({
        source: target.source,
        region: target.region,
        state: shareableState(view, target),
        name: name.trim() || undefined,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snapshotKeys.list() }),
  });
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (!take.isPending) take.mutate();
  };
  if (take.data) {
    const meta = take.data;
    const path = snapshotPath(meta.id);
    const link = absoluteLink(path, window.location.origin);
    return (
      <div className="share-popover__body" data-testid="snapshot-taken" data-snapshot-id={meta.id}>
        <p className="share-popover__title">Snapshot taken</p>
        <p className="muted">
          {meta.nodes} nodes, {meta.edges} lines · {formatBytes(meta.bytes)}. It opens read-only, with no AWS access:
        </p>
        <div className="share-link">
          <code data-testid="snapshot-taken-link">{link}</code>
          <CopyButton value={link} label="Copy the link of the snapshot" testId="copy-snapshot-link" />
        </div>
        <div className="button-row">
          <a
            className="button button--small button--primary"
            href={path}
            data-testid="open-taken-snapshot"
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              onClose();
              navigateTo(path);
            }}
          >
            Open it
          </a>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onClose();
              onView({ panel: "snapshots" });
            }}
          >
            All snapshots
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="share-popover__body" onSubmit={onSubmit}>
      <p className="muted share-popover__note">
        Freezes {topology.nodes.length} nodes of {topology.source.label} · {target.region} as read now, with this view.
      </p>
      <label className="share-field">
        <span>Name (optional)</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          placeholder={`${topology.source.label} · ${target.region} · now`}
          data-testid="snapshot-name"
        />
      </label>
      {take.isError ? <ErrorNotice error={take.error} /> : null}
      <div className="button-row">
        <button
          type="submit"
          className="button button--small button--primary"
          disabled={take.isPending}
          data-testid="take-snapshot-submit"
        >
          {take.isPending ? "Taking…" : "Take snapshot"}
        </button>
      </div>
    </form>
  );
}
