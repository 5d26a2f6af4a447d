import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import type { Task } from "../contracts/tasks";
import { notFound } from "../errors";
import { prepared } from "./prepared";
import { toTask } from "./task-dto";

const deleteOwned = (db: Db) =>
  prepared(db, "task_delete", (name) =>
    db
      .delete(tasks)
      .where(and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId"))))
      .returning()
      .prepare(name),
  );

/** Returns the deleted task so callers can say what was removed. */
export async function deleteTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await deleteOwned(db).execute({ id: taskId, userId });
  if (!row) throw notFound(`Task ${taskId}`);
  return toTask(row);
}
