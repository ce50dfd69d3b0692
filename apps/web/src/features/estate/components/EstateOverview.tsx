/**
 * The estate overview (panel=estate): accounts × regions, each cell with how
 * the read went and what it found. A cell filters the diagram to that account
 * in that region, an account's name to the account in every region; both go
 * to the URL like any other filter.
 */
import type { EstateSummary } from "@lattice-atlas/shared";
import { memo } from "react";
import type { ViewState } from "../../../lib/url-state";
import { estateOverview, statusLine, type OverviewRow } from "../overview";

interface EstateOverviewProps {
  estate: EstateSummary;
  view: Pick<ViewState, "accounts" | "regions">;
  onFilter(filter: Pick<ViewState, "accounts" | "regions">): void;
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

function AccountHead({ row, active, onFilter }: { row: OverviewRow; active: boolean; onFilter(): void }) {
  return (
    <th scope="row" className="estate__account">
      <button
        type="button"
        className="link-button"
        aria-pressed={active}
        onClick={onFilter}
        title="Show this account, every region"
      >
        {row.name ?? row.accountId}
      </button>
      <code className="muted">{row.accountId}</code>
      {row.status !== "readable" ? (
        <div className={`estate__why estate__why--${row.status}`} data-testid="estate-account-why">
          <strong>{row.status}</strong>
          {row.reason ? `: ${row.reason}` : ""}
          {row.fix ? <div className="estate__fix">Fix: {row.fix}</div> : null}
        </div>
      ) : null}
    </th>
  );
}

export const EstateOverview = memo(function EstateOverview({ estate, view, onFilter }: EstateOverviewProps) {
  const rows = estateOverview(estate);
  const filtered = view.accounts.length > 0 || view.regions.length > 0;
  return (
    <div className="panel__body estate" data-testid="estate-overview">
      <h2 className="details__name">Estate</h2>
      <p className="muted">
        {rows.length} accounts in {estate.regions.length} regions, read through the role <code>{estate.roleName}</code>{" "}
        from the hub <code>{estate.hubAccountId}</code>: {statusLine(rows)}. Pick a cell to draw only that account in
        that region.
      </p>
      {filtered ? (
        <button type="button" className="button button--small" onClick={() => onFilter({ accounts: [], regions: [] })}>
          Every account and region
        </button>
      ) : null}
      <table className="estate__table">
        <caption className="visually-hidden">Accounts by region: how each was read and what it holds</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            {estate.regions.map((region) => (
              <th key={region} scope="col">
                {region}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.accountId} data-testid="estate-row" data-account={row.accountId} data-status={row.status}>
              <AccountHead
                row={row}
                active={same(view.accounts, [row.accountId]) && view.regions.length === 0}
                onFilter={() => onFilter({ accounts: [row.accountId], regions: [] })}
              />
              {row.cells.map((cell) => (
                <td key={cell.region}>
                  <button
                    type="button"
                    className={`estate__cell estate__cell--${cell.status}`}
                    data-testid="estate-cell"
                    data-region={cell.region}
                    data-status={cell.status}
                    aria-pressed={same(view.accounts, [row.accountId]) && same(view.regions, [cell.region])}
                    onClick={() => onFilter({ accounts: [row.accountId], regions: [cell.region] })}
                  >
                    <span className="visually-hidden">
                      {row.name ?? row.accountId} in {cell.region}:{" "}
                    </span>
                    <span className="estate__status">{cell.status}</span>
                    <span className="estate__counts">{cell.counts.length > 0 ? cell.counts.join(" · ") : "—"}</span>
                    {cell.warnings > 0 ? (
                      <span className="estate__warnings">
                        {cell.warnings} warning{cell.warnings === 1 ? "" : "s"}
                      </span>
                    ) : null}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

export default EstateOverview;
