import type { List } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { lists, tasks } from "@taskflow/db/schema";
import { and, eq, isNull, sql } from "drizzle-orm";

/** Open tasks (not completed, not in the trash) of a list, as a correlated count. */
export const openTaskCount = sql<number>`(select count(*)::int from ${tasks} where ${and(
  eq(tasks.listId, lists.id),
  eq(tasks.completed, false),
  isNull(tasks.deletedAt),
)})`;

/** The user's lists by name (case-insensitively), each with its count of open tasks. */
export async function listLists(db: Db, userId: string): Promise<List[]> {
  return db
    .select({ id: lists.id, name: lists.name, task_count: openTaskCount })
    .from(lists)
    .where(eq(lists.userId, userId))
    .orderBy(sql`lower(${lists.name})`, lists.id);
}
