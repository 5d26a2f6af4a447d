import type { Task, UpdateTaskInput } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { notFound } from "../errors";
import { dateParams, storedAllDay, storedDue } from "./due";
import { prepared } from "./prepared";
import { toTask } from "./task-dto";
import { notInTrash } from "./trash";

const FIELDS = ["title", "description", "priority", "tags", "due_at", "completed"] as const;
type Field = (typeof FIELDS)[number];

/** One prepared statement per combination of fields changed (at most 2^6 + the completed variants). */
function updateStatement(db: Db, present: Field[], completed: boolean | undefined) {
  const key = `task_update_${present.join("_")}${completed === undefined ? "" : completed ? "_done" : "_open"}`;
  return prepared(db, key, (name) => buildTaskUpdate(db, name, present, completed));
}

/** The fields an update changes, in a fixed order: with `completed`, they determine its SQL text. */
export const changedFields = (input: UpdateTaskInput): Field[] =>
  FIELDS.filter((field) => input[field] !== undefined);

/** The update statement for one shape, prepared as `name` on `db` (a database or a transaction). */
export function buildTaskUpdate(db: Db, name: string, present: Field[], completed: boolean | undefined) {
  const p = sql.placeholder;
  const changes: Record<string, unknown> = { updatedAt: sql`now()` };
  if (present.includes("title")) changes.title = p("title");
  if (present.includes("description")) changes.description = p("description");
  if (present.includes("priority")) changes.priority = p("priority");
  if (present.includes("tags")) changes.tags = p("tags");
  // All three due placeholders null clears the due date (and all_day).
  if (present.includes("due_at")) {
    changes.dueAt = storedDue("due");
    changes.allDay = storedAllDay("due");
  }
  if (completed !== undefined) {
    changes.completed = completed;
    // Keep the original completion time when a done task is marked done again.
    changes.completedAt = (completed ? sql`coalesce(${tasks.completedAt}, now())` : null) as SQL | null;
  }
  return db
    .update(tasks)
    .set(changes as Partial<typeof tasks.$inferInsert>)
    .where(and(eq(tasks.id, p("id")), eq(tasks.userId, p("userId")), notInTrash))
    .returning()
    .prepare(name);
}

export const taskUpdateParams = (userId: string, taskId: number, input: UpdateTaskInput) => ({
  id: taskId,
  userId,
  title: input.title,
  description: input.description,
  priority: input.priority,
  tags: input.tags,
  ...dateParams("due", input.due_at),
});

/** Changes only the fields given; `due_at: null` clears the due date. */
export async function updateTask(
  db: Db,
  userId: string,
  taskId: number,
  input: UpdateTaskInput,
): Promise<Task> {
  const [row] = await updateStatement(db, changedFields(input), input.completed).execute(
    taskUpdateParams(userId, taskId, input),
  );
  if (!row) throw notFound(`Task ${taskId}`);
  return toTask(row);
}
