import type { Db } from "@taskflow/db/client";
import { lists } from "@taskflow/db/schema";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { AppError } from "../errors";

/**
 * Checks that every list id given is one of the user's lists (null, the Inbox, always is): another
 * user's list is "not found", exactly like a list that does not exist, so nothing leaks.
 */
/** The stored list of a task: the list given if it is the user's (checked first: `checkOwnLists`), else none. */
export const ownListId = (listId: SQL.Aliased | SQL, userId: SQL.Aliased | SQL) =>
  sql`(select ${lists.id} from ${lists} where ${lists.id} = ${listId} and ${lists.userId} = ${userId})`;

export async function checkOwnLists(
  db: Db,
  userId: string,
  ids: (number | null | undefined)[],
  field = "list_id",
) {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === "number"))];
  if (wanted.length === 0) return;
  const rows = await db
    .select({ id: lists.id })
    .from(lists)
    .where(and(eq(lists.userId, userId), inArray(lists.id, wanted)));
  const owned = new Set(rows.map((row) => row.id));
  const missing = wanted.find((id) => !owned.has(id));
  if (missing !== undefined) {
    const message = `List ${missing} not found`;
    throw new AppError("not_found", message, [{ field, message }]);
  }
}
