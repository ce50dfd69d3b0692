/**
 * The sheet's buttons: while preparing, Cancel and the confirm button (named
 * for the kind: "Create association", "Delete endpoint" …; disabled until
 * the plan is current and nothing blocks, and while a send is in flight), or
 * why changes are off; once sent, "Show on map" and Close.
 */
import type { Action } from "@lattice-atlas/shared";
import type { ChangeAccess } from "../../change-access";
import { actionKind } from "../../kinds";

interface SheetFooterProps {
  sent: boolean;
  /** The resource to show on the map once sent (none after a removal went through). */
  showable: string | undefined;
  access: ChangeAccess;
  action: Action | undefined;
  /** The plan is current and nothing in it blocks. */
  ready: boolean;
  blocked: boolean;
  sending: boolean;
  failed: boolean;
  /** The id prefix for the "blocked" description. */
  idBase: string;
  onConfirm(): void;
  onClose(): void;
  onShowNode(id: string): void;
}

export function SheetFooter(props: SheetFooterProps) {
  const { action, access } = props;
  const kind = action ? actionKind(action.type) : undefined;
  if (props.sent)
    return (
      <div className="sheet__foot">
        {props.showable ? (
          <button type="button" className="button" onClick={() => props.onShowNode(props.showable!)}>
            Show on map
          </button>
        ) : null}
        <button type="button" className="button button--primary" data-testid="sheet-done" onClick={props.onClose}>
          Close
        </button>
      </div>
    );
  return (
    <div className="sheet__foot">
      {!access.allowed ? (
        <p className="sheet__readonly" data-testid="read-only-notice">
          {access.reason ?? "Changes are off for this source."}
        </p>
      ) : null}
      <button type="button" className="button" onClick={props.onClose}>
        Cancel
      </button>
      {access.allowed ? (
        <button
          type="button"
          className={`button button--primary${kind?.removal ? " button--danger" : ""}`}
          data-testid="confirm-change"
          disabled={!action || !props.ready || props.sending}
          aria-describedby={props.blocked ? `${props.idBase}-blocked` : undefined}
          onClick={props.onConfirm}
        >
          {props.failed
            ? "Try again"
            : props.sending
              ? (kind?.confirming ?? "Creating…")
              : (kind?.confirm ?? "Create association")}
        </button>
      ) : null}
      {props.blocked ? (
        <span id={`${props.idBase}-blocked`} className="visually-hidden">
          A blocking finding stops this change.
        </span>
      ) : null}
    </div>
  );
}
