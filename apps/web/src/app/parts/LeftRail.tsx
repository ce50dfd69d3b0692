/** The left rail: "Connect from…" (which VPC the answer is about) and the view controls (filters, folds). */
import type { Topology } from "@lattice-atlas/shared";
import { ConnectFromPicker } from "../../features/connect/components/ConnectFromPicker";
import { ViewControls, type ViewControlsState } from "../../features/topology/components/ViewControls";
import type { FlowGraph } from "../../features/topology/to-flow-graph";
import type { ViewUpdate } from "../../lib/use-view-state";

interface LeftRailProps {
  topology: Topology | undefined;
  from: string | undefined;
  controls: ViewControlsState;
  graph: FlowGraph | undefined;
  onConnectFrom(vpcId: string): void;
  onView(update: ViewUpdate): void;
}

export function LeftRail({ topology, from, controls, graph, onConnectFrom, onView }: LeftRailProps) {
  return (
    <aside className="sidebar" aria-label="Connect and view">
      {topology ? (
        <>
          <ConnectFromPicker topology={topology} from={from} onPick={onConnectFrom} />
          <ViewControls
            topology={topology}
            view={controls}
            visibility={graph?.visibility}
            shownCount={graph?.nodes.length ?? 0}
            onChange={onView}
          />
        </>
      ) : (
        <section className="sidebar__section">
          <h2 className="sidebar__title">Connect from…</h2>
          <p className="sidebar__hint">The consumer VPCs appear here once the topology is read.</p>
        </section>
      )}
    </aside>
  );
}
