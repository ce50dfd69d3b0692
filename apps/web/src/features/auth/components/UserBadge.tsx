/** The signed-in user and their role in the top bar (team mode), with "Sign out"; nothing on a laptop. */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { signOut } from "../api";
import { meQuery } from "../queries";

export function SignOutButton({ url }: { url: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button"
      data-testid="sign-out"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut(url)
          .then((answer) => window.location.assign(answer.next))
          .catch(() => setBusy(false));
      }}
    >
      Sign out
    </button>
  );
}

export function UserBadge() {
  const me = useQuery(meQuery());
  if (!me.data || me.data.mode !== "team" || !me.data.user) return null;
  const { user, role } = me.data;
  return (
    <span className="user-badge" data-testid="user-badge" title={user.email ?? user.id}>
      <span className="user-badge__name">{user.name ?? user.id}</span>
      <span className="user-badge__role" data-testid="user-role">
        {role ?? "no role"}
      </span>
      {me.data.signOutUrl ? <SignOutButton url={me.data.signOutUrl} /> : null}
    </span>
  );
}
