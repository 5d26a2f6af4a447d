// Taskflow as an OAuth 2.1 authorization server for MCP clients (claude.ai, ChatGPT, VS Code…), with
// Better Auth's oauth-provider plugin: dynamic client registration (RFC 7591), authorization code +
// PKCE S256, `resource` (RFC 8707) bound to the MCP URL, rotating refresh tokens. Access tokens for the
// MCP resource are JWTs signed by the jwt plugin's keys (EdDSA); the mcp service verifies them.
import { oauthProvider } from "@better-auth/oauth-provider";
import { OAUTH_SCOPES } from "@taskflow/contracts";
import { jwt } from "better-auth/plugins/jwt";

export interface OAuthServerOptions {
  /** BETTER_AUTH_URL: its origin is the issuer (metadata at <origin>/.well-known/oauth-authorization-server). */
  baseUrl: string;
  /**
   * MCP_PUBLIC_URL: the one protected resource tokens are issued for (their `aud`). Unset (a one-off
   * instance such as the reset-password CLI's): no resource is seeded.
   */
  mcpResource?: string | undefined;
  /** AUTH_RATE_LIMIT: client registrations per address per minute are allowed at least this many. */
  rateLimitPerMinute?: number;
}

/** Seconds an MCP access token lives; a revoke ends it at once anyway (the mcp checks the consent). */
export const ACCESS_TOKEN_TTL_SECONDS = 3600;

/** The `iss` of every token and the issuer of the RFC 8414 metadata: the public origin, no path. */
export function oauthIssuer(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

export function oauthServerPlugins(options: OAuthServerOptions) {
  const issuer = oauthIssuer(options.baseUrl);
  const scopes = [...OAUTH_SCOPES];
  const resource = options.mcpResource;
  return [
    // Signing keys only: no JWT on every get-session, and its /token endpoint is disabled in createAuth.
    jwt({ jwt: { issuer, ...(resource ? { audience: resource } : {}) }, disableSettingJwtHeader: true }),
    startsWithoutDatabase(
      oauthProvider({
        scopes,
        // Pages of the web app (same origin as the api behind it).
        loginPage: "/oauth/sign-in",
        consentPage: "/oauth/consent",
        resources: resource ? [{ identifier: resource, name: "Taskflow MCP" }] : [],
        resourceSeedMode: "overwrite",
        // Anyone may register a client (RFC 7591, as MCP clients do); each gets the MCP resource and every
        // scope as its capability — what it actually gets is what the user approves.
        allowDynamicClientRegistration: true,
        allowUnauthenticatedClientRegistration: true,
        clientRegistrationDefaultResources: resource ? [resource] : [],
        clientRegistrationDefaultScopes: scopes,
        clientRegistrationRequirePKCE: true,
        accessTokenExpiresIn: ACCESS_TOKEN_TTL_SECONDS,
        // A rotated refresh token presented again is a replay: refused.
        refreshTokenReuseInterval: 0,
        // MCP clients only use these (no client_credentials: there is no machine user here).
        grantTypes: ["authorization_code", "refresh_token"],
        // Limits are per client address. Better Auth allows 5 registrations and 20 token requests a
        // minute; an office behind one address connects more clients than that, and claude.ai or ChatGPT
        // exchange and refresh every user's tokens from a few server addresses. The rest keep its limits.
        rateLimit: {
          register: { window: 60, max: Math.max(20, options.rateLimitPerMinute ?? 0) },
          token: { window: 60, max: Math.max(120, options.rateLimitPerMinute ?? 0) },
        },
      }),
    ),
  ];
}

/**
 * The plugin seeds the MCP resource row when Better Auth's context is created. With the database down
 * at that moment the context would fail for good: no sign-in even after the database is back. Then the
 * context is created without seeding; the plugin seeds on the first request that needs the resource
 * (and again until that works).
 *
 * The same path covers two replicas starting at once on a fresh database: both find no row and both
 * insert it. The plugin means to skip the loser's unique violation, but it tests the error's message and
 * Drizzle's is "Failed query: …" (the driver's error is its `cause`), so the loser's seed throws; here it
 * starts without seeding and then finds the winner's row (test/oauth-startup-race.test.ts).
 */
function startsWithoutDatabase<P extends ReturnType<typeof oauthProvider>>(plugin: P): P {
  const init = plugin.init;
  if (!init) return plugin;
  const options = plugin.options as { resources?: unknown[] };
  return {
    ...plugin,
    init: async (ctx: Parameters<typeof init>[0]) => {
      try {
        return await init(ctx);
      } catch (error) {
        const resources = options.resources;
        if (!resources?.length) throw error;
        options.resources = [];
        try {
          return await init(ctx);
        } finally {
          options.resources = resources;
        }
      }
    },
  };
}
