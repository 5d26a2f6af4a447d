import type { Db } from "@taskflow/db/client";
import { personalTokens } from "@taskflow/db/schema";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";

export async function revokePersonalToken(db: Db, userId: string, tokenId: number): Promise<void> {
  const deleted = await db
    .delete(personalTokens)
    .where(and(eq(personalTokens.id, tokenId), eq(personalTokens.userId, userId)))
    .returning({ id: personalTokens.id });
  if (deleted.length === 0) throw notFound(`Token ${tokenId}`);
}
