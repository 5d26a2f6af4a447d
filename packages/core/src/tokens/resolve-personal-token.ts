import type { Db } from "@taskflow/db/client";
import { personalTokens } from "@taskflow/db/schema";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { prepared } from "../tasks/prepared";
import { hashToken, PERSONAL_TOKEN_PREFIX } from "./token-secret";

const byHash = (db: Db) =>
  prepared(db, "personal_token_by_hash", (name) =>
    db
      .select({
        userId: personalTokens.userId,
        lastUsedAt: personalTokens.lastUsedAt,
        expiresAt: personalTokens.expiresAt,
      })
      .from(personalTokens)
      .where(eq(personalTokens.tokenHash, sql.placeholder("hash")))
      .limit(1)
      .prepare(name),
  );

const USE_RECORDED_EVERY_MS = 60_000;

/**
 * The user a personal token belongs to, or null (unknown, revoked or expired). Records the last use at
 * most once a minute.
 */
export async function resolvePersonalToken(db: Db, token: string): Promise<string | null> {
  if (!token.startsWith(PERSONAL_TOKEN_PREFIX)) return null;
  const hash = hashToken(token);
  const [row] = await byHash(db).execute({ hash });
  if (!row) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return null;
  // One read per call; the write only when the recorded use is older than a minute.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > USE_RECORDED_EVERY_MS) {
    await db
      .update(personalTokens)
      .set({ lastUsedAt: sql`now()` as unknown as Date })
      .where(
        and(
          eq(personalTokens.tokenHash, hash),
          or(
            isNull(personalTokens.lastUsedAt),
            lt(personalTokens.lastUsedAt, sql`now() - interval '1 minute'`),
          ),
        ),
      );
  }
  return row.userId;
}
