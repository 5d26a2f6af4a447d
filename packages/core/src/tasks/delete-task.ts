import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq } from "drizzle-orm";
import type { Task } from "../contracts/tasks";
import { notFound } from "../errors";
import { toTask } from "./task-dto";

/** Returns the deleted task so callers can say what was removed. */
export async function deleteTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await db
    .delete(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.userId, userId)))
    .returning();
  if (!row) throw notFound(`Task ${taskId}`);
  return toTask(row);
}
