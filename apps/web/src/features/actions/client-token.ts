/**
 * One client token per user intent. The sheet mints it when it opens; every
 * confirm of the same change (a retry, a double click, a replay after a lost
 * answer) sends the same token, so the server and AWS make the change once.
 * A different change needs a different token: once a token has been sent
 * for one change, editing the form to another change mints a new one (the
 * server would refuse the old token as IDEMPOTENCY_MISMATCH).
 */
import { actionFingerprint, type Action } from "@lattice-atlas/shared";

export const mintClientToken = (): string => crypto.randomUUID();

export interface ClientTokenLifecycle {
  /** The token this change would be sent with (the plan shows it in the CLI command); mints nothing new. */
  tokenFor(action: Action): string;
  /** The token to send this change with; call on every confirm (first press, retry, double click). */
  forSend(action: Action): string;
  /** A new intent for the same change ("delete and recreate"): its next send gets a fresh token. */
  forget(action: Action): void;
  /** Every token minted so far, oldest first. */
  readonly minted: readonly string[];
}

/**
 * The sheet's tokens: one minted when it opens; a change once sent keeps its
 * token for good (a retry of it, even after editing the form back and forth,
 * is the same request); another change gets the next, fresh token.
 */
export function createClientTokenLifecycle(mint: () => string = mintClientToken): ClientTokenLifecycle {
  const minted: string[] = [];
  const sent = new Map<string, string>();
  let fresh: string | undefined;
  const freshToken = (): string => {
    if (fresh === undefined) {
      fresh = mint();
      minted.push(fresh);
    }
    return fresh;
  };
  freshToken();
  return {
    tokenFor(action) {
      return sent.get(actionFingerprint(action)) ?? freshToken();
    },
    forSend(action) {
      const fingerprint = actionFingerprint(action);
      const known = sent.get(fingerprint);
      if (known) return known;
      const token = freshToken();
      sent.set(fingerprint, token);
      fresh = undefined;
      return token;
    },
    forget(action) {
      sent.delete(actionFingerprint(action));
    },
    get minted() {
      return minted;
    },
  };
}
