import { INBOX } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { lists } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { invalid } from "../errors";

/**
 * The id of the user's list called `name` (case-insensitively, trimmed); null for "inbox" (no list). An
 * unknown name is an error on `field` naming the lists there are, so the caller can pick one.
 */
export async function findListByName(
  db: Db,
  userId: string,
  name: string,
  field = "list",
): Promise<number | null> {
  const wanted = name.trim();
  if (wanted.toLowerCase() === INBOX) return null;
  const [found] = await db
    .select({ id: lists.id })
    .from(lists)
    .where(and(eq(lists.userId, userId), sql`lower(${lists.name}) = lower(${wanted})`));
  if (found) return found.id;
  const names = await db
    .select({ name: lists.name })
    .from(lists)
    .where(eq(lists.userId, userId))
    .orderBy(sql`lower(${lists.name})`);
  const known = names.length
    ? `your lists are ${names.map((list) => `“${list.name}”`).join(", ")}, or “${INBOX}” for no list`
    : `you have no lists yet (“${INBOX}” means no list)`;
  throw invalid(field, `names no list “${wanted}”: ${known}`);
}
