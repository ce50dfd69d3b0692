/**
 * The changes of the selected node, in its details: what it can start (the
 * same as its "+" menu), its removal (associations, endpoints), a change in
 * flight with its progress, or — on a read-only source — why there are no
 * such buttons.
 */
import type { GraphNode } from "@lattice-atlas/shared";
import { consoleLink } from "../../details/console-links";
import { statusClass } from "../../topology/kinds";
import type { SourceTarget } from "../../topology/target";
import type { ChangeAccess } from "../change-access";
import { actionKind, intentsFor, managedBy, recreateFor, removalFor } from "../kinds";
import { changeKey } from "../pending-changes";
import type { SheetRequest } from "../sheet-request";
import { usePendingChange, usePendingChangesStore } from "../use-pending-changes";
import { ChangeProgress } from "./ChangeProgress";

interface NodeChangesProps {
  node: GraphNode;
  target: SourceTarget;
  access: ChangeAccess;
  onStart(request: SheetRequest): void;
}

const CHANGEABLE = new Set([
  "vpc",
  "serviceNetwork",
  "resourceConfiguration",
  "service",
  "vpcAssociation",
  "resourceAssociation",
  "serviceAssociation",
  "vpcEndpoint",
]);

export function NodeChanges({ node, target, access, onStart }: NodeChangesProps) {
  const store = usePendingChangesStore();
  const change = usePendingChange(changeKey(target, node.id));
  if (!CHANGEABLE.has(node.kind)) return null;
  const intents = intentsFor(node);
  const removal = removalFor(node);
  const manager = managedBy(node);
  const managed = node.kind === "resourceAssociation" && node.data.isManaged;
  const failed = statusClass(node.status) === "failed";
  const recreate = failed ? recreateFor(node) : undefined;
  const inFlight = change !== undefined && !change.done;
  if (manager && !managed)
    return (
      <section className="details__section node-changes" aria-label="Changes">
        <p className="read-only-notice" data-testid="aws-managed">
          Read-only: managed by {manager}. No change is offered here; AWS refuses changes to it.
        </p>
      </section>
    );
  return (
    <section className="details__section node-changes" aria-label="Changes">
      {change ? (
        <ChangeProgress
          change={change}
          compact
          consoleUrl={consoleLink(node, target.region)?.url}
          onResume={(key) => store.resume(key)}
          onRecover={(action, again) => onStart({ action, recreate: again })}
        />
      ) : null}
      {access.allowed && (intents.length > 0 || removal) ? (
        // The visible, keyboard-reachable way to the changes of this node (the diagram's "+" is the short way).
        <h3 className="panel__heading" id={`changes-${node.id}`} data-testid="make-a-change">
          Make a change
        </h3>
      ) : null}
      {access.allowed ? (
        <div
          className="details__actions"
          data-testid="node-changes"
          role="group"
          aria-labelledby={intents.length > 0 || removal ? `changes-${node.id}` : undefined}
        >
          {intents.map(({ label, intent }) => (
            <button
              key={label}
              type="button"
              className="button button--small"
              data-testid="node-change"
              data-intent={intent.type}
              onClick={() => onStart({ intent })}
            >
              {label}
            </button>
          ))}
          {removal && !managed && !inFlight ? (
            <button
              type="button"
              className="button button--small button--danger-outline"
              data-testid="remove-button"
              onClick={() => onStart(recreate ? { action: removal, recreate } : { action: removal })}
            >
              {recreate ? "Delete and recreate…" : `${actionKind(removal.type).confirm}…`}
            </button>
          ) : null}
          {managed ? (
            <span className="hint">AWS manages this child association: remove its parent association instead.</span>
          ) : null}
        </div>
      ) : access.reason ? (
        <p className="read-only-notice" data-testid="read-only-notice">
          {access.reason}
        </p>
      ) : null}
    </section>
  );
}
