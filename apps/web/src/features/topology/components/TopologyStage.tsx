/** What the diagram area shows before and instead of a diagram: progress, errors in sentences (EmptyRegion: the empty state). */
import type { DiscoveryProgress, SourceInfo, SourcesResponse } from "@lattice-atlas/shared";
import type { ReactNode } from "react";
import { toApiError } from "../../../lib/api-error";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { CREDENTIAL_ERRORS, CredentialsHelp } from "../../sources/components/CredentialsHelp";
import type { SourceTarget } from "../target";
import { ProgressBar } from "./DiscoveryBar";

interface TopologyStageProps {
  sourcesError: unknown;
  topology: { isPending: boolean; isError: boolean; error: unknown; fetchStatus: string };
  target: SourceTarget | undefined;
  sourceInfo: SourceInfo | undefined;
  /** The sources, for the credentials error's help (the profiles, or the files read). */
  sources: SourcesResponse | undefined;
  progress: DiscoveryProgress | undefined;
  onRetry(): void;
  children: ReactNode;
}

export function TopologyStage({
  sourcesError,
  topology,
  target,
  sourceInfo,
  sources,
  progress,
  onRetry,
  children,
}: TopologyStageProps) {
  if (topology.isError) {
    const credentials = CREDENTIAL_ERRORS.has(toApiError(topology.error).code);
    return (
      <div className="stage__message">
        <ErrorNotice
          error={topology.error}
          onRetry={onRetry}
          action={credentials ? <CredentialsHelp sources={sources} /> : undefined}
        />
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
