/**
 * Team mode's door in the console: until /api/me answers, nothing is drawn (the first reads start beside it,
 * app/prefetch.ts, and a refused one is not used); without a session the
 * browser goes to sign in (and comes back here); a user with no role is told so and whom to ask. On a laptop
 * /api/me answers at once and the console opens as always.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { toApiError } from "../../../lib/api-error";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { meQuery } from "../queries";
import { signInUrl } from "../sign-in";
import { SignOutButton } from "./UserBadge";

export function SignInGate({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery());
  const mustSignIn = me.error ? toApiError(me.error).code === "SIGN_IN_REQUIRED" : false;
  useEffect(() => {
    if (mustSignIn) window.location.assign(signInUrl(window.location));
  }, [mustSignIn]);
  if (me.isPending || mustSignIn)
    return (
      <main className="gate" data-testid="sign-in-gate" aria-busy="true">
        <p>{mustSignIn ? "Signing in…" : "Opening Lattice Atlas…"}</p>
      </main>
    );
  if (me.error)
    return (
      <main className="gate">
        <ErrorNotice error={toApiError(me.error)} />
      </main>
    );
  if (me.data.mode === "team" && me.data.role === null)
    return (
      <main className="gate" data-testid="no-role">
        <h1>No role yet</h1>
        <p>
          You are signed in as <strong>{me.data.user?.id}</strong>, but no rule of this console gives you a role. Ask an
          admin to add you, or one of your groups, as a viewer, operator or admin.
        </p>
        {me.data.signOutUrl ? <SignOutButton url={me.data.signOutUrl} /> : null}
      </main>
    );
  return <>{children}</>;
}
