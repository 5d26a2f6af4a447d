import { verifyAgentToken } from "@taskflow/core/agent-token";
import { PERSONAL_TOKEN_PREFIX, resolvePersonalToken } from "@taskflow/core/tokens";
import type { Db } from "@taskflow/db/client";

/**
 * The user behind an `Authorization: Bearer …` header: a personal token (`tfp_…`, looked up by hash)
 * or an agent token the api minted (HS256, audience taskflow-mcp, minutes to live). Null otherwise.
 */
export async function authenticate(db: Db, secret: string, header: string | undefined): Promise<string | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  const token = match?.[1];
  if (!token) return null;
  return token.startsWith(PERSONAL_TOKEN_PREFIX) ? resolvePersonalToken(db, token) : verifyAgentToken(secret, token);
}
