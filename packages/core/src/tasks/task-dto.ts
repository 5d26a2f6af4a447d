import type { Task } from "@taskflow/contracts";
import type { TaskRow } from "@taskflow/db/schema";
import { dueOnWire } from "./due";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The wire shape of a task (snake_case, ISO-8601 strings). */
export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    tags: row.tags,
    due_at: dueOnWire(row),
    all_day: row.allDay,
    completed_at: iso(row.completedAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: iso(row.deletedAt),
  };
}
