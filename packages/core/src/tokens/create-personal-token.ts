import type { CreatedToken } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { personalTokens } from "@taskflow/db/schema";
import { eq, sql } from "drizzle-orm";
import { AppError } from "../errors";
import { toToken } from "./token-dto";
import { generateTokenSecret, hashToken } from "./token-secret";

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
