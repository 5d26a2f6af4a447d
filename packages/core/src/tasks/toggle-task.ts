import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, not, sql } from "drizzle-orm";
import { notFound } from "../errors";
import { prepared } from "./prepared";
import { toTask } from "./task-dto";
import { notInTrash } from "./trash";

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
        and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId")), notInTrash),
      )
      .returning()
      .prepare(name),
  );

/** Flips completed in one statement, so two concurrent toggles never lose one. */
export async function toggleTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await toggleOwned(db).execute({ id: taskId, userId });
  if (!row) throw notFound(`Task ${taskId}`);
  return toTask(row);
}
