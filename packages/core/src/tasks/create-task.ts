import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import type { CreateTaskInput, Task } from "../contracts/tasks";
import { toTask } from "./task-dto";

export async function createTask(db: Db, userId: string, input: CreateTaskInput): Promise<Task> {
  const [row] = await db
    .insert(tasks)
    .values({
      userId,
      title: input.title,
      description: input.description ?? "",
      priority: input.priority ?? "none",
      tags: input.tags ?? [],
      dueAt: input.due_at ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toTask(row);
}
