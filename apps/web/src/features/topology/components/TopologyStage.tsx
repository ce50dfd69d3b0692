/** What the diagram area shows before and instead of a diagram: progress, errors in sentences, the empty state. */
import type { DiscoveryProgress, SourceInfo, Topology } from "@lattice-atlas/shared";
import type { ReactNode } from "react";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import type { SourceTarget } from "../target";
import { ProgressBar } from "./DiscoveryBar";

interface TopologyStageProps {
  sourcesError: unknown;
  topology: { isPending: boolean; isError: boolean; error: unknown; fetchStatus: string };
  target: SourceTarget | undefined;
  sourceInfo: SourceInfo | undefined;
  progress: DiscoveryProgress | undefined;
  onRetry(): void;
  children: ReactNode;
}

export function TopologyStage({
  sourcesError,
  topology,
  target,
  sourceInfo,
  progress,
  onRetry,
  children,
}: TopologyStageProps) {
  if (topology.isError) {
    return (
      <div className="stage__message">
        <ErrorNotice error={topology.error} onRetry={onRetry} />
      </div>
    );
  }
  if (sourcesError && !target) {
    return (
      <div className="stage__message">
        <ErrorNotice error={sourcesError} />
      </div>
    );
  }
  if (topology.isPending) {
    return (
      <div className="stage__message" aria-busy="true">
        <div className="loading-card">
          <p className="loading-card__title">
            Reading VPC Lattice{target ? ` in ${target.region}` : ""}
            {sourceInfo ? ` from ${sourceInfo.label}` : ""}…
          </p>
          <ProgressBar progress={progress} label="Discovery progress" />
        </div>
      </div>
    );
  }
  return <>{children}</>;
}

export function EmptyState({ topology }: { topology: Topology }) {
  return (
    <div className="stage__message" data-testid="empty-state">
      <div className="empty">
        <h2>Nothing here yet</h2>
        <p>
          Account <code>{topology.accountId}</code> has no VPCs, VPC endpoints, service networks, resource
          configurations or Lattice services in <strong>{topology.region}</strong>
          {topology.warnings.length > 0 ? " that this source could read" : ""}.
        </p>
        <p>
          Pick another region above, or another source (the embedded emulator holds the field-report scenario in
          ap-northeast-1).
        </p>
      </div>
    </div>
  );
}

/** Between the data and the first drawing of a large account (the layout runs in slices). */
export function LayingOut({ count }: { count: number }) {
  return (
    <div className="stage__message" aria-busy="true">
      <div className="loading-card">
        <p className="loading-card__title">Laying out {count.toLocaleString("en-US")} things…</p>
      </div>
    </div>
  );
}
