import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import type { Task, UpdateTaskInput } from "../contracts/tasks";
import { notFound } from "../errors";
import { toTask } from "./task-dto";

/** Changes only the fields given; `due_at: null` clears the due date. */
export async function updateTask(db: Db, userId: string, taskId: number, input: UpdateTaskInput): Promise<Task> {
  const changes: Partial<typeof tasks.$inferInsert> = { updatedAt: sql`now()` as unknown as Date };
  if (input.title !== undefined) changes.title = input.title;
  if (input.description !== undefined) changes.description = input.description;
  if (input.priority !== undefined) changes.priority = input.priority;
  if (input.tags !== undefined) changes.tags = input.tags;
  if (input.due_at !== undefined) changes.dueAt = input.due_at;
  if (input.completed !== undefined) {
    changes.completed = input.completed;
    // Keep the original completion time when a done task is marked done again.
    changes.completedAt = (
      input.completed ? sql`coalesce(${tasks.completedAt}, now())` : null
    ) as unknown as Date | null;
  }
  const [row] = await db
    .update(tasks)
    .set(changes)
    .where(and(eq(tasks.id, taskId), eq(tasks.userId, userId)))
    .returning();
  if (!row) throw notFound(`Task ${taskId}`);
  return toTask(row);
}
