import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq } from "drizzle-orm";
import type { Task } from "../contracts/tasks";
import { notFound } from "../errors";
import { toTask } from "./task-dto";

/** Another user's task is reported exactly like a missing one. */
export async function getTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, taskId), eq(tasks.userId, userId)))
    .limit(1);
  if (!row) throw notFound(`Task ${taskId}`);
  return toTask(row);
}
