import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { sql } from "drizzle-orm";
import type { CreateTaskInput, Task } from "../contracts/tasks";
import { prepared } from "./prepared";
import { toTask } from "./task-dto";

const insertTask = (db: Db) =>
  prepared(db, "task_insert", (name) =>
    db
      .insert(tasks)
      .values({
        userId: sql.placeholder("userId"),
        title: sql.placeholder("title"),
        description: sql.placeholder("description"),
        priority: sql.placeholder("priority"),
        tags: sql.placeholder("tags"),
        // Raw (not column-encoded) so the value may be null: an ISO string or null.
        dueAt: sql`${sql.placeholder("dueAt")}`,
      })
      .returning()
      .prepare(name),
  );

export async function createTask(db: Db, userId: string, input: CreateTaskInput): Promise<Task> {
  const [row] = await insertTask(db).execute({
    userId,
    title: input.title,
    description: input.description ?? "",
    priority: input.priority ?? "none",
    tags: input.tags ?? [],
    dueAt: input.due_at ? input.due_at.toISOString() : null,
  });
  if (!row) throw new Error("insert returned no row");
  return toTask(row);
}
