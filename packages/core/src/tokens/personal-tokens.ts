import type { CreatedToken, PersonalToken } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { type PersonalTokenRow, personalTokens } from "@taskflow/db/schema";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { AppError, notFound } from "../errors";
import { prepared } from "../tasks/prepared";
import { generateTokenSecret, hashToken, PERSONAL_TOKEN_PREFIX } from "./token-secret";

const toToken = (row: PersonalTokenRow): PersonalToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  created_at: row.createdAt.toISOString(),
  last_used_at: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  expires_at: row.expiresAt ? row.expiresAt.toISOString() : null,
});

export interface NewTokenOptions {
  /** Days until it stops working; omitted, it works until revoked. */
  expiresInDays?: number | undefined;
  /** The most tokens one user may hold; this one past it is a conflict. */
  maxTokensPerUser?: number | undefined;
}

export async function createPersonalToken(
  db: Db,
  userId: string,
  name: string,
  options: NewTokenOptions = {},
): Promise<CreatedToken> {
  const token = generateTokenSecret();
  const { expiresInDays, maxTokensPerUser } = options;
  return db.transaction(async (tx) => {
    if (maxTokensPerUser !== undefined) {
      // Locks the user's row, so two creations at once cannot both take the last place.
      await tx.execute(sql`select 1 from "user" where id = ${userId} for update`);
      const [held] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(personalTokens)
        .where(eq(personalTokens.userId, userId));
      if ((held?.count ?? 0) >= maxTokensPerUser)
        throw new AppError(
          "conflict",
          `An account may hold at most ${maxTokensPerUser} personal tokens; revoke one you no longer use, then create this one.`,
        );
    }
    const [row] = await tx
      .insert(personalTokens)
      .values({
        userId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        expiresAt:
          expiresInDays === undefined
            ? null
            : (sql`now() + make_interval(days => ${expiresInDays})` as unknown as Date),
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return { ...toToken(row), token };
  });
}

export async function listPersonalTokens(db: Db, userId: string): Promise<PersonalToken[]> {
  const rows = await db
    .select()
    .from(personalTokens)
    .where(eq(personalTokens.userId, userId))
    .orderBy(desc(personalTokens.id));
  return rows.map(toToken);
}

export async function revokePersonalToken(db: Db, userId: string, tokenId: number): Promise<void> {
  const deleted = await db
    .delete(personalTokens)
    .where(and(eq(personalTokens.id, tokenId), eq(personalTokens.userId, userId)))
    .returning({ id: personalTokens.id });
  if (deleted.length === 0) throw notFound(`Token ${tokenId}`);
}

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
