import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, not, sql } from "drizzle-orm";
import { prepared } from "./prepared";
import { lockTask } from "./repeat";
import { toTask, WIRE_COLUMNS, wireToTask } from "./task-dto";
import { notInTrash } from "./trash";
import { lockedStatementName, updateLocked } from "./update-task";

const toggleOwned = (db: Db) =>
  prepared(db, "task_toggle", (name) =>
    db
      .update(tasks)
      .set({
        completed: not(tasks.completed) as unknown as boolean,
        completedAt: sql`case when ${tasks.completed} then null else now() end` as unknown as Date,
        updatedAt: sql`now()` as unknown as Date,
      })
      .where(
        and(
          eq(tasks.id, sql.placeholder("id")),
          eq(tasks.userId, sql.placeholder("userId")),
          notInTrash,
          // Completing a repeating task moves it to its next occurrence instead: see below.
          sql`(${tasks.recurrence} is null or ${tasks.completed})`,
        ),
      )
      .returning(WIRE_COLUMNS)
      .prepare(name),
  );

/**
 * Flips completed in one statement, so two concurrent toggles never lose one. An open repeating task (or
 * a missing one) takes the locked way: completing it moves its due to the next occurrence and it stays
 * open; two concurrent completions wait for each other, so each counts once.
 */
export async function toggleTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await toggleOwned(db).execute({ id: taskId, userId });
  if (row) return wireToTask(row);
  return db.transaction(async (tx) => {
    const { row: locked, timeZone } = await lockTask(tx, userId, taskId);
    const changes = { completed: !locked.completed };
    return toTask(await updateLocked(tx, locked, timeZone, changes, lockedStatementName));
  });
}
