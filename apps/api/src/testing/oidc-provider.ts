/**
 * A real OpenID Connect provider for the tests (panva's certified `oidc-provider`) on a free loopback port: one
 * client (confidential, code + PKCE), a few users with groups, and the library's own development sign-in form
 * (any password; the login is the user id). Consent is granted without a prompt, as a company IdP does for its
 * own applications.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export interface TestUser {
  email: string;
  name: string;
  groups: string[];
}

export const TEST_USERS: Record<string, TestUser> = {
  vera: { email: "vera@example.com", name: "Vera Viewer", groups: ["platform-readers"] },
  otto: { email: "otto@example.com", name: "Otto Operator", groups: ["platform-team", "platform-readers"] },
  ada: { email: "ada@example.com", name: "Ada Admin", groups: ["platform-admins"] },
  nora: { email: "nora@example.com", name: "Nora Nobody", groups: ["marketing"] },
};

export const TEST_CLIENT = { id: "lattice-atlas", secret: "test-client-secret-not-used-anywhere-else" };

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Starts the provider; `redirectUris` are the consoles allowed to receive its answers (<public-url>/auth/callback). */
export async function startOidcProvider(redirectUris: string[]): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "preferred_username"],
      groups: ["groups"],
    },
    scopes: ["openid", "email", "profile", "groups"],
    findAccount: async (_ctx: KoaContextWithOIDC, id: string) => {
      const user = TEST_USERS[id];
      if (!user) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: user.email,
          email_verified: true,
          name: user.name,
          preferred_username: id,
          groups: user.groups,
        }),
      };
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client!.clientId;
      const existing = ctx.oidc.session!.grantIdFor(clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  // Quiet in test output (its warnings say the development form is on, which is the point here).
  provider.on("server_error", () => undefined);
  server.on("request", provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
