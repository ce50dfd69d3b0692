/**
 * OpenID Connect sign-in with `openid-client`: authorization code + PKCE (S256), state and nonce, the IdP found
 * by discovery (retried on the next sign-in when it failed). What a login needs between the redirect and the
 * answer is kept in the session store, under a random secret carried by a short-lived cookie.
 */
import * as client from "openid-client";
import { AppError } from "../errors.js";
import type { Identity } from "./identity.js";
import type { SessionStore } from "./sessions.js";

export interface OidcOptions {
  issuer: string;
  clientId: string;
  /** From ATLAS_OIDC_CLIENT_SECRET only; absent for a public client (PKCE alone). */
  clientSecret?: string | undefined;
  /** This console's URL as the browser sees it; the redirect URI is <publicUrl>/auth/callback. */
  publicUrl: string;
  scopes: string;
  /** The claim that lists the user's groups (default `groups`). */
  groupsClaim: string;
}

/** A login under way lives this long (the user types a password, maybe a second factor). */
export const LOGIN_TTL_MS = 10 * 60_000;

export interface OidcSignIn {
  /** The IdP's authorization URL for a new login, and the secret for the login cookie. */
  start(returnTo: string): Promise<{ url: string; loginSecret: string }>;
  /** Completes a login from the callback URL; the user and where to go back to. */
  finish(
    callbackUrl: URL,
    loginSecret: string | undefined,
  ): Promise<{ identity: Omit<Identity, "role">; returnTo: string }>;
}

const isLoopbackUrl = (url: URL): boolean =>
  url.hostname === "localhost" || url.hostname === "[::1]" || /^127\./.test(url.hostname);

function idpFailure(error: unknown): AppError {
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("IDP_UNAVAILABLE", `The sign-in provider could not be used: ${message}.`, {
    hint: "Check --oidc-issuer and that this server reaches it; then sign in again.",
  });
}

export function createOidcSignIn(options: OidcOptions, sessions: SessionStore): OidcSignIn {
  const issuer = new URL(options.issuer);
  const redirectUri = new URL("/auth/callback", options.publicUrl).href;
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        issuer,
        options.clientId,
        undefined,
        options.clientSecret ? client.ClientSecretBasic(options.clientSecret) : client.None(),
        // Plain HTTP only for an issuer on this machine (a test or a local trial IdP).
        isLoopbackUrl(issuer) && issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : {},
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw idpFailure(error);
      });
    return discovered;
  };

  return {
    async start(returnTo) {
      const config = await configuration();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const loginSecret = await sessions.saveLogin({ state, nonce, verifier, returnTo }, LOGIN_TTL_MS);
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: options.scopes,
        response_type: "code",
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      return { url: url.href, loginSecret };
    },

    async finish(callbackUrl, loginSecret) {
      const login = loginSecret ? await sessions.takeLogin(loginSecret) : undefined;
      if (!login) {
        throw new AppError(
          "SIGN_IN_REQUIRED",
          "This sign-in answer belongs to no sign-in under way here (it took longer than 10 minutes, was used already, or began in another browser).",
          { hint: "Sign in again from the console." },
        );
      }
      const config = await configuration();
      const error = callbackUrl.searchParams.get("error");
      if (error) {
        const description = callbackUrl.searchParams.get("error_description");
        throw new AppError(
          "SIGN_IN_REQUIRED",
          `The sign-in provider refused: ${error}${description ? ` (${description})` : ""}.`,
          {
            hint: "Sign in again; if it keeps failing, ask whoever runs the sign-in provider.",
          },
        );
      }
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: login.verifier,
          expectedState: login.state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
      } catch (cause) {
        throw new AppError("SIGN_IN_REQUIRED", `The sign-in could not be completed: ${(cause as Error).message}.`, {
          hint: "Sign in again from the console.",
        });
      }
      let claims: Record<string, unknown> = { ...tokens.claims() };
      // Many providers put e-mail and groups in the user info rather than the ID token.
      if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, String(claims.sub));
          claims = {
            ...info,
            ...claims,
            ...(info[options.groupsClaim] ? { [options.groupsClaim]: info[options.groupsClaim] } : {}),
          };
        } catch (cause) {
          throw idpFailure(cause);
        }
      }
      return { identity: identityFromClaims(claims, options.groupsClaim), returnTo: login.returnTo };
    },
  };
}

/** The user's id (preferred_username, else email, else sub), e-mail, name and groups from the claims. */
export function identityFromClaims(claims: Record<string, unknown>, groupsClaim: string): Omit<Identity, "role"> {
  const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
  const raw = claims[groupsClaim];
  const groups = Array.isArray(raw)
    ? raw.filter((g): g is string => typeof g === "string")
    : text(raw)
      ? [raw as string]
      : [];
  const email = text(claims.email);
  return {
    id: text(claims.preferred_username) ?? email ?? String(claims.sub),
    ...(email ? { email } : {}),
    ...(text(claims.name) ? { name: text(claims.name) } : {}),
    groups,
    via: "oidc",
  };
}
