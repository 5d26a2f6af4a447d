// The short-lived token the api mints for its own chat agent, so the agent reaches the MCP server as the
// signed-in user and nothing else. HS256 with MCP_TOKEN_SECRET, audience-checked, minutes to live.
import { jwtVerify, SignJWT } from "jose";

const ISSUER = "taskflow-api";
const AUDIENCE = "taskflow-mcp";
const encoder = new TextEncoder();

export async function signAgentToken(secret: string, userId: string, ttlSeconds = 300): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(encoder.encode(secret));
}

/**
 * The longest an agent token may live. The api mints them for a turn's timeout plus two minutes; a
 * correctly signed token meant to live longer did not come from it (or the secret leaked into a script)
 * and is refused, so none can serve as a standing credential.
 */
export const MAX_AGENT_TOKEN_LIFE_SECONDS = 60 * 60;

/**
 * The user id of a valid agent token, or null for anything forged, expired, meant for someone else, or
 * missing its `sub` (whose tasks) or `exp` (until when): a token without them would be a key to nobody
 * or to everything for ever.
 */
export async function verifyAgentToken(secret: string, token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
      requiredClaims: ["exp", "sub"],
    });
    if (typeof payload.exp !== "number" || payload.exp - Date.now() / 1000 > MAX_AGENT_TOKEN_LIFE_SECONDS)
      return null;
    return typeof payload.sub === "string" && payload.sub ? payload.sub : null;
  } catch {
    return null;
  }
}

/**
 * Mints agent tokens for `secret`, reusing a user's token across their turns while it still has at least
 * `minLifeSeconds` to live: signing one (a WebCrypto HMAC through jose) was 5–6 % of the api's CPU per
 * chat turn, and the MCP server verifies each distinct token once. Each token lives `minLifeSeconds`
 * plus a minute, so it serves that user's turns for about a minute; it is the same user's bearer, for
 * the same audience, and never leaves the server side.
 */
export function createAgentTokenMinter(secret: string, minLifeSeconds: number) {
  const ttlSeconds = minLifeSeconds + 60;
  const minted = new Map<string, { token: string; expiresAtMs: number }>();
  return async function agentToken(userId: string): Promise<string> {
    const now = Date.now();
    const known = minted.get(userId);
    if (known && known.expiresAtMs - now >= minLifeSeconds * 1000) return known.token;
    const token = await signAgentToken(secret, userId, ttlSeconds);
    if (minted.size >= 10_000) minted.clear();
    // The token's exp is whole seconds after its iat (now, rounded down): count one second less.
    minted.set(userId, { token, expiresAtMs: now + (ttlSeconds - 1) * 1000 });
    return token;
  };
}
