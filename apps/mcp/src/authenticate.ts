import { verifyAgentToken } from "@taskflow/core/agent-token";
import { PERSONAL_TOKEN_PREFIX, resolvePersonalToken } from "@taskflow/core/tokens";
import type { Db } from "@taskflow/db/client";
import { decodeJwt, decodeProtectedHeader } from "jose";
import type { OAuthVerifier } from "./oauth-tokens";

// An agent token serves every MCP request of one chat turn (initialize, list_tasks, the tool call…), so
// a verified one is remembered until it expires instead of re-checking its HMAC on each request.
// Only tokens that passed verification are kept; expiry is re-checked on every use; the map is bounded.
// Kept per secret, so a token verified under one key is never taken for another.
const bySecret = new Map<string, Map<string, { userId: string; expiresAtMs: number }>>();
const MAX_REMEMBERED = 10_000;

async function agentTokenUser(secret: string, token: string): Promise<string | null> {
  const now = Date.now();
  let verifiedAgentTokens = bySecret.get(secret);
  if (!verifiedAgentTokens) {
    verifiedAgentTokens = new Map();
    bySecret.set(secret, verifiedAgentTokens);
  }
  const known = verifiedAgentTokens.get(token);
  if (known) {
    if (known.expiresAtMs > now) return known.userId;
    verifiedAgentTokens.delete(token);
  }
  const userId = await verifyAgentToken(secret, token);
  if (!userId) return null;
  const exp = decodeJwt(token).exp;
  if (typeof exp === "number") {
    if (verifiedAgentTokens.size >= MAX_REMEMBERED) {
      // Drop the oldest entries (Map keeps insertion order); expired ones go first in practice.
      for (const key of verifiedAgentTokens.keys()) {
        verifiedAgentTokens.delete(key);
        if (verifiedAgentTokens.size < MAX_REMEMBERED / 2) break;
      }
    }
    verifiedAgentTokens.set(token, { userId, expiresAtMs: exp * 1000 });
  }
  return userId;
}

/**
 * The user behind an `Authorization: Bearer …` header: a personal token (`tfp_…`, looked up by hash)
 * or an agent token the api minted (HS256, audience taskflow-mcp, minutes to live). Null otherwise.
 */
export async function authenticate(
  db: Db,
  secret: string,
  header: string | undefined,
): Promise<string | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  const token = match?.[1];
  if (!token) return null;
  return token.startsWith(PERSONAL_TOKEN_PREFIX)
    ? resolvePersonalToken(db, token)
    : agentTokenUser(secret, token);
}

/** Who is calling: `scopes` only for OAuth tokens (personal and agent tokens act as the user in full). */
export interface Caller {
  userId: string;
  kind: "personal" | "agent" | "oauth";
  scopes?: string[];
  clientId?: string;
}

/** Why a request was refused: no bearer token, or which kind of token did not pass. */
export type Refusal = { refused: "missing" | "personal" | "oauth" | "invalid" };

/**
 * `authenticate` with the reason of a refusal and OAuth access tokens: an asymmetrically signed JWT is
 * one (the api's agent tokens are HS256), checked by `verifyOAuth` when the service has one.
 */
export async function authenticateCaller(
  db: Db,
  secret: string,
  header: string | undefined,
  verifyOAuth?: OAuthVerifier,
): Promise<Caller | Refusal> {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!token) return { refused: "missing" };
  if (token.startsWith(PERSONAL_TOKEN_PREFIX)) {
    const userId = await resolvePersonalToken(db, token);
    return userId ? { userId, kind: "personal" } : { refused: "personal" };
  }
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return { refused: "invalid" };
  }
  if (alg === "HS256") {
    const userId = await agentTokenUser(secret, token);
    return userId ? { userId, kind: "agent" } : { refused: "invalid" };
  }
  const caller = verifyOAuth ? await verifyOAuth(token) : null;
  return caller ? { ...caller, kind: "oauth" } : { refused: "oauth" };
}
