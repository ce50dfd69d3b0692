/**
 * What the diagram and the panels ask of the view: select a node (the details
 * follow), reveal one (clear the filters that hide it, unfold what folds it,
 * centre on it), fold or unfold a container, "Connect from" a VPC, the "+"
 * menu of a node, and a drag onto a service network (the change sheet). Every
 * callback is stable and reads the latest projection through a ref, so that
 * memoised nodes and panels never re-render because of it.
 */
import type { Topology } from "@lattice-atlas/shared";
import { useCallback, useMemo, useState } from "react";
import { intentForConnect } from "../../features/actions/kinds";
import type { SheetRequest } from "../../features/actions/sheet-request";
import type { TopologyActions } from "../../features/topology/actions-context";
import { revealPatch } from "../../features/topology/reveal";
import type { FlowGraph } from "../../features/topology/to-flow-graph";
import { indexTopology } from "../../features/topology/topology-index";
import { useLatest } from "../../lib/use-latest";
import { toggleCollapsed, type ViewState } from "../../lib/url-state";
import type { ViewUpdate } from "../../lib/use-view-state";

interface Drawing {
  view: ViewState;
  graph: FlowGraph | undefined;
  data: Topology | undefined;
}

export function useCanvasActions(
  drawing: Drawing,
  setView: (update: ViewUpdate, options?: { replace?: boolean }) => void,
  change: {
    startChange(request: SheetRequest, opener?: Element | null): void;
    openMenu(id: string, anchor: HTMLElement): void;
  },
) {
  const latest = useLatest(drawing);
  const { startChange, openMenu } = change;
  /** A node unfolded or folded just now: the camera brings it into view once. */
  const [centerOn, setCenterOn] = useState<{ id: string; key: number; collapsed: boolean } | undefined>(undefined);

  const reveal = useCallback(
    (id: string, extra: Partial<ViewState> = {}) => {
      const { graph: g, data: d, view } = latest.current;
      const patch = g && d ? revealPatch(indexTopology(d), view, g.visibility, id) : {};
      setView({ ...patch, focus: id, ...extra }, { replace: Object.keys(patch).length === 0 });
    },
    [setView, latest],
  );

  const actions = useMemo<TopologyActions>(
    () => ({
      toggleCollapsed: (id) => {
        const { graph: g, data: d } = latest.current;
        if (!g || !d) return;
        const kind = indexTopology(d).byId.get(id)?.kind;
        const byDefault =
          kind === "vpc" ? g.visibility.collapsedByDefault.vpcs : g.visibility.collapsedByDefault.networks;
        setView((v) => toggleCollapsed(v, id, g.visibility.collapsed.has(id), byDefault));
        setCenterOn({ id, key: Date.now(), collapsed: !g.visibility.collapsed.has(id) });
      },
      connectFrom: (vpcId) => setView({ from: vpcId, panel: "connect" }),
      openChangeMenu: openMenu,
    }),
    [setView, latest, openMenu],
  );

  const onConnectChange = useCallback(
    (fromId: string, networkId: string) => {
      const d = latest.current.data;
      const kind = d ? indexTopology(d).byId.get(fromId)?.kind : undefined;
      const intent = kind ? intentForConnect(fromId, kind, networkId) : undefined;
      if (intent) startChange({ intent }, null);
    },
    [startChange, latest],
  );

  // Picking something else on the diagram ends a search focus.
  const onSelect = useCallback(
    (id: string | undefined) =>
      setView(
        (v) => ({
          selected: id,
          focus: undefined,
          panel: id ? "details" : v.panel === "details" ? undefined : v.panel,
        }),
        { replace: true },
      ),
    [setView],
  );
  /** Select a node from a panel or the search: revealed, then its details. */
  const selectAndReveal = useCallback((id: string) => reveal(id, { selected: id, panel: "details" }), [reveal]);

  return { actions, reveal, onSelect, selectAndReveal, onConnectChange, centerOn };
}
