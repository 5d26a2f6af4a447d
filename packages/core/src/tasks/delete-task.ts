import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { notFound } from "../errors";
import { prepared } from "./prepared";
import { WIRE_COLUMNS, wireToTask } from "./task-dto";
import { notInTrash } from "./trash";

const trashOwned = (db: Db) =>
  prepared(db, "task_trash", (name) =>
    db
      .update(tasks)
      .set({ deletedAt: sql`now()` as unknown as Date, updatedAt: sql`now()` as unknown as Date })
      .where(
        and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId")), notInTrash),
      )
      .returning(WIRE_COLUMNS)
      .prepare(name),
  );

/**
 * Moves a task to the trash (restorable for TRASH_RETENTION_DAYS) and returns it, so callers can say
 * what was removed and offer an undo.
 */
export async function deleteTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await trashOwned(db).execute({ id: taskId, userId });
  if (!row) throw notFound(`Task ${taskId}`);
  return wireToTask(row);
}
