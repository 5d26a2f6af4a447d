import type { PersonalToken } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { personalTokens } from "@taskflow/db/schema";
import { desc, eq } from "drizzle-orm";
import { toToken } from "./token-dto";

export async function listPersonalTokens(db: Db, userId: string): Promise<PersonalToken[]> {
  const rows = await db
    .select()
    .from(personalTokens)
    .where(eq(personalTokens.userId, userId))
    .orderBy(desc(personalTokens.id));
  return rows.map(toToken);
}
