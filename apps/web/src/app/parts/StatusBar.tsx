/** The bottom line: how much is shown, where from, how discovery went, and which path stands out (with "clear"). */
import type { ConnectAnswer, Topology } from "@lattice-atlas/shared";
import { DiscoveryStatsText } from "../../features/topology/components/DiscoveryBar";
import { clearExplainPatch } from "../../features/explain/request";
import type { FlowGraph } from "../../features/topology/to-flow-graph";
import type { ViewState } from "../../lib/url-state";
import type { ViewUpdate } from "../../lib/use-view-state";

interface StatusBarProps {
  data: Topology | undefined;
  graph: FlowGraph | undefined;
  view: ViewState;
  /** The "Connect from…" answer of view.from, once there. */
  answer: ConnectAnswer | undefined;
  /** A connectivity check's path is drawn. */
  checkShown: boolean;
  onView(update: ViewUpdate): void;
}

export function StatusBar({ data, graph, view, answer, checkShown, onView }: StatusBarProps) {
  return (
    <footer className="statusbar" aria-live="polite">
      {data && graph ? (
        <>
          <span>
            {graph.nodes.length} of {data.nodes.length} shown · {graph.edges.length} lines
          </span>
          <span>
            {data.source.label} · {data.region} · account {data.accountId}
          </span>
          <DiscoveryStatsText stats={data.stats} />
          {checkShown ? (
            <span data-testid="explain-status">
              Check from <strong>{answer?.from.name ?? view.from}</strong> highlighted ·{" "}
              <button type="button" className="link-button" onClick={() => onView(clearExplainPatch(view))}>
                clear
              </button>
            </span>
          ) : view.from && answer ? (
            <span>
              Path from <strong>{answer.from.name}</strong> highlighted ·{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => onView({ from: undefined, panel: view.panel === "connect" ? undefined : view.panel })}
              >
                clear
              </button>
            </span>
          ) : null}
        </>
      ) : (
        <span>Lattice Atlas</span>
      )}
    </footer>
  );
}
