/**
 * After the change was sent: where it stands (AWS's status, the DNS names
 * issued, a failure with "delete and recreate"), "create it again" once a
 * failed resource is gone, the warnings of the run, and what was sent.
 */
import type { Action } from "@lattice-atlas/shared";
import type { PendingChange } from "../../pending-changes";
import { ChangeProgress } from "../ChangeProgress";
import { CodifiedChange } from "./CodifiedChange";
import { PlanFindings } from "./PlanFindings";
import type { Executed } from "./use-sheet-steps";

interface ChangeFollowProps {
  executed: Executed;
  change: PendingChange;
  consoleUrl: string | undefined;
  /** The removal went through (deleted, or no longer listed). */
  removalSettled: boolean;
  canChange: boolean;
  onRecover(removal: Action, recreate: Action): void;
  onResume(key: string): void;
  onRecreate(action: Action): void;
  onAlternative(action: Action): void;
}

export function ChangeFollow(props: ChangeFollowProps) {
  const { executed, change } = props;
  return (
    <section aria-label="Progress">
      <ChangeProgress
        change={change}
        consoleUrl={props.consoleUrl}
        onRecover={props.onRecover}
        onResume={props.onResume}
      />
      {props.removalSettled && executed.recreate ? (
        <div className="sheet__note">
          <p>The failed resource is gone. Create it again with a new request token:</p>
          <button
            type="button"
            className="button button--primary"
            data-testid="recreate-button"
            onClick={() => props.onRecreate(executed.recreate!)}
          >
            Create it again…
          </button>
        </div>
      ) : null}
      {executed.warnings.length > 0 ? (
        <PlanFindings findings={executed.warnings} onAlternative={props.onAlternative} canChange={props.canChange} />
      ) : null}
      {executed.plan ? <CodifiedChange plan={executed.plan} sent /> : null}
    </section>
  );
}
