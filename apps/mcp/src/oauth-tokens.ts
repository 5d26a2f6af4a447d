// OAuth access tokens for the MCP resource: JWTs the api's authorization server (Better Auth's
// oauth-provider + jwt plugins) signs. Verified here without a network call: the public keys come from
// the same database (the jwks table the api's /api/auth/jwks serves), the issuer and the audience (this
// MCP URL, RFC 8707) must match, and the user's consent for that client must still exist and be older
// than the token — Revoke on the Connect AI tools page deletes it, so the next call is refused at once.
import type { Db } from "@taskflow/db/client";
import { jwks, oauthConsent } from "@taskflow/db/schema";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, type JWK, jwtVerify } from "jose";

export interface McpOAuthOptions {
  /** MCP_PUBLIC_URL: the protected resource, the `aud` every accepted token carries. */
  resource: string;
  /** The authorization server's issuer (the public web origin), the `iss` of every accepted token. */
  issuer: string;
}

export interface OAuthCaller {
  userId: string;
  clientId: string;
  scopes: string[];
}

/** Keys are re-read at most this often, and at once when a token names an unknown key id. */
const KEYS_TTL_MS = 5 * 60_000;
const KEYS_MIN_RELOAD_MS = 10_000;
const USE_RECORDED_EVERY_MS = 60_000;

export type OAuthVerifier = (token: string) => Promise<OAuthCaller | null>;

export function createOAuthVerifier(db: Db, options: McpOAuthOptions): OAuthVerifier {
  let keys: { set: ReturnType<typeof createLocalJWKSet>; kids: Set<string>; at: number } | undefined;

  async function keySet(kid: string | undefined) {
    const now = Date.now();
    const stale = !keys || now - keys.at > KEYS_TTL_MS;
    const unknown = kid !== undefined && keys !== undefined && !keys.kids.has(kid);
    if (stale || (unknown && keys && now - keys.at > KEYS_MIN_RELOAD_MS)) {
      const rows = await db.select().from(jwks);
      const set: JSONWebKeySet = {
        keys: rows.map(
          (row) =>
            ({
              ...(JSON.parse(row.publicKey) as JWK),
              kid: row.id,
              ...(row.alg ? { alg: row.alg } : {}),
            }) as JWK,
        ),
      };
      keys = { set: createLocalJWKSet(set), kids: new Set(rows.map((r) => r.id)), at: now };
    }
    return keys?.set;
  }

  return async (token) => {
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      return null;
    }
    // A database that does not answer is not a bad token: that error goes up (503), not a 401.
    const set = await keySet(typeof kid === "string" ? kid : undefined);
    if (!set) return null;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, set, {
        issuer: options.issuer,
        audience: options.resource,
        // RFC 9068 access tokens only (an ID token or another JWT from the same keys is not one).
        typ: "at+jwt",
        algorithms: ["EdDSA", "ES256", "ES512", "RS256", "PS256"],
      }));
    } catch {
      return null;
    }
    const userId = payload.sub;
    const clientId = payload.azp ?? payload.client_id;
    const issuedAt = payload.iat;
    if (typeof userId !== "string" || typeof clientId !== "string" || typeof issuedAt !== "number")
      return null;
    const [consent] = await db
      .select({ id: oauthConsent.id, createdAt: oauthConsent.createdAt, lastUsedAt: oauthConsent.lastUsedAt })
      .from(oauthConsent)
      .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
      .limit(1);
    // Revoked (no consent), or the token predates the current consent (revoked, then approved again).
    if (!consent || Math.floor(consent.createdAt.getTime() / 1000) > issuedAt) return null;
    if (!consent.lastUsedAt || Date.now() - consent.lastUsedAt.getTime() > USE_RECORDED_EVERY_MS) {
      await db
        .update(oauthConsent)
        .set({ lastUsedAt: sql`now()` as unknown as Date })
        .where(
          and(
            eq(oauthConsent.id, consent.id),
            or(
              isNull(oauthConsent.lastUsedAt),
              lt(oauthConsent.lastUsedAt, sql`now() - interval '1 minute'`),
            ),
          ),
        );
    }
    const scope = typeof payload.scope === "string" ? payload.scope : "";
    return { userId, clientId, scopes: scope.split(" ").filter(Boolean) };
  };
}
