import type { Db } from "@taskflow/db/client";
import { lists, tasks } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { notFound } from "../errors";

/**
 * Deletes one of the user's lists; its tasks (trashed ones too) move to the Inbox (`list_id` null), in
 * the same transaction, each a task.updated event. Another user's list is not found and nothing changes.
 */
export async function deleteList(db: Db, userId: string, listId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [list] = await tx
      .select({ id: lists.id })
      .from(lists)
      .where(and(eq(lists.id, listId), eq(lists.userId, userId)))
      .for("update");
    if (!list) throw notFound(`List ${listId}`);
    await tx
      .update(tasks)
      .set({ listId: null, updatedAt: sql`now()` })
      .where(and(eq(tasks.listId, listId), eq(tasks.userId, userId)));
    await tx.delete(lists).where(and(eq(lists.id, listId), eq(lists.userId, userId)));
  });
}
