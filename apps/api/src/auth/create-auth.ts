import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import * as schema from "@taskflow/db/schema";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer } from "better-auth/plugins/bearer"; // the one plugin, not the index of all of them (~0.2 s at start)
import { accountRules, sessionAgeLimit } from "./account-rules";
import { oauthServerPlugins } from "./oauth-provider";
import { RESET_TOKEN_TTL_SECONDS, type SendResetPassword } from "./password-reset";

export interface AuthOptions {
  db: Db;
  secret: string;
  baseUrl: string;
  /** Other origins the app is opened from (a port-forward, a NodePort address). */
  extraTrustedOrigins?: string[];
  /** Sign-in and sign-up attempts allowed per client address per minute. */
  rateLimitPerMinute: number;
  /** Delivers password-reset tokens (mail); without it /request-password-reset is refused. */
  sendResetPassword?: SendResetPassword | undefined;
  /** Absolute session lifetime since sign-in, however often it slid forward (unset: none). */
  sessionMaxAgeMs?: number | undefined;
  /** MCP_PUBLIC_URL: the protected resource OAuth access tokens are issued for. */
  mcpResource?: string | undefined;
}

const mcpResources = new WeakMap<object, string>();

/** The MCP resource an auth instance issues OAuth tokens for (its `mcpResource` option). */
export function mcpResourceOf(auth: object): string | undefined {
  return mcpResources.get(auth);
}

export function createAuth(options: AuthOptions) {
  const auth = betterAuth({
    appName: "Taskflow",
    secret: options.secret,
    baseURL: options.baseUrl,
    basePath: "/api/auth",
    trustedOrigins: trustedOrigins(options.baseUrl, options.extraTrustedOrigins ?? []),
    database: drizzleAdapter(options.db, {
      provider: "pg",
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
        jwks: schema.jwks,
        oauthClient: schema.oauthClient,
        oauthResource: schema.oauthResource,
        oauthClientResource: schema.oauthClientResource,
        oauthRefreshToken: schema.oauthRefreshToken,
        oauthAccessToken: schema.oauthAccessToken,
        oauthConsent: schema.oauthConsent,
        oauthClientAssertion: schema.oauthClientAssertion,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
      ...(options.sendResetPassword ? { sendResetPassword: options.sendResetPassword } : {}),
      resetPasswordTokenExpiresIn: RESET_TOKEN_TTL_SECONDS,
      // Whoever knew the old password is signed out everywhere.
      revokeSessionsOnPasswordReset: true,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Stored in the database so the limit holds across every api replica.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: options.rateLimitPerMinute },
        "/sign-up/email": { window: 60, max: options.rateLimitPerMinute },
      },
    },
    advanced: {
      useSecureCookies: options.baseUrl.startsWith("https://"),
      database: { generateId: () => crypto.randomUUID() },
    },
    hooks: {
      before: accountRules,
      ...(options.sessionMaxAgeMs ? { after: sessionAgeLimit(options.sessionMaxAgeMs) } : {}),
    },
    telemetry: { enabled: false },
    // The jwt plugin's session-to-JWT endpoint: tokens come from the OAuth flow only.
    disabledPaths: ["/token"],
    plugins: [
      bearer(),
      ...oauthServerPlugins({
        baseUrl: options.baseUrl,
        mcpResource: options.mcpResource,
        rateLimitPerMinute: options.rateLimitPerMinute,
      }),
    ],
  });
  if (options.mcpResource) mcpResources.set(auth, options.mcpResource);
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

/** The public origin, its localhost/127.0.0.1 twin (both name this machine), and any extra ones. */
export function trustedOrigins(baseUrl: string, extra: string[]): string[] {
  const origin = new URL(baseUrl);
  const origins = [origin.origin, ...extra.map((o) => new URL(o).origin)];
  const twin = { localhost: "127.0.0.1", "127.0.0.1": "localhost" }[origin.hostname];
  if (twin) origins.push(`${origin.protocol}//${twin}${origin.port ? `:${origin.port}` : ""}`);
  return [...new Set(origins)];
}
