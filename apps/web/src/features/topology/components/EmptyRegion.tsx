/**
 * The empty-region card: this account holds nothing of VPC Lattice in this Region — and where it does hold
 * something (GET /api/regions: per enabled Region, page-capped counts), each Region as a button that switches
 * to it; or, plainly, that the source holds none anywhere. An estate or a snapshot has its own Regions: the card
 * names them.
 */
import type { SourceInfo, Topology } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { censusText } from "../../sources/census-text";
import { regionsQuery } from "../../sources/queries";

interface EmptyRegionProps {
  topology: Topology;
  source: SourceInfo | undefined;
  onRegion(region: string): void;
}

export function EmptyRegion({ topology, source, onRegion }: EmptyRegionProps) {
  const counted = source !== undefined && source.kind !== "estate" && source.kind !== "snapshot";
  return (
    <div className="stage__message" data-testid="empty-state">
      <div className="empty">
        <h2>Nothing here yet</h2>
        <p>
          Account <code>{topology.accountId}</code> has no VPCs, VPC endpoints, service networks, resource
          configurations or Lattice services in <strong>{topology.region}</strong>
          {topology.warnings.length > 0 ? " that this source could read" : ""}.
        </p>
        {counted ? (
          <Census source={source} region={topology.region} onRegion={onRegion} />
        ) : source?.estate ? (
          <p>
            {source.label} covers {source.estate.regions.join(", ")}: pick another source above.
          </p>
        ) : (
          <p>Pick another region or source above.</p>
        )}
      </div>
    </div>
  );
}

function Census({ source, region, onRegion }: { source: SourceInfo; region: string; onRegion(region: string): void }) {
  const census = useQuery(regionsQuery(source.id));
  if (census.isPending)
    return (
      <p aria-busy="true" data-testid="census-pending">
        Looking for VPC Lattice in the account&rsquo;s other Regions…
      </p>
    );
  if (census.isError) return <ErrorNotice error={census.error} compact onRetry={() => void census.refetch()} />;
  const { regions, checked, warnings } = census.data;
  const elsewhere = regions.filter((r) => r.region !== region);
  return (
    <div data-testid="census" data-checked={checked.length}>
      {elsewhere.length > 0 ? (
        <>
          <p>{source.label} holds VPC Lattice resources in:</p>
          <ul className="census">
            {elsewhere.map((r) => (
              <li key={r.region}>
                <button
                  type="button"
                  className="button"
                  data-testid="census-region"
                  data-region={r.region}
                  onClick={() => onRegion(r.region)}
                >
                  {r.region}
                  <span className="census__counts">{censusText(r)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p data-testid="census-none">
          {source.label} holds no service networks, resource configurations, Lattice services or Lattice VPC endpoints
          in any of the {checked.length} Regions enabled for this account
          {warnings.length > 0 ? " that could be read" : ""}.
        </p>
      )}
      {warnings.length > 0 ? (
        <p className="census__warnings" data-testid="census-warnings">
          Not counted: {warnings.map((w) => `${w.operation} in ${w.region ?? "?"} (${w.awsCode ?? w.code})`).join(", ")}
          .
        </p>
      ) : null}
    </div>
  );
}
