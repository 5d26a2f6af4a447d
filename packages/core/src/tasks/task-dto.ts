import type { Task } from "@taskflow/contracts";
import type { TaskRow } from "@taskflow/db/schema";
import { describeRecurrence } from "../recurrence";
import { dueOnWire } from "./due";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * `recurrence_text`: the stored rule in plain English (an UNTIL given as a UTC time is worded as its UTC
 * day). Rules are checked before they are stored; should one still not read, the rule itself is shown
 * rather than failing the whole listing.
 */
export function recurrenceText(rule: string | null): string | null {
  if (rule === null) return null;
  try {
    return describeRecurrence(rule);
  } catch {
    return rule;
  }
}

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
    recurrence: row.recurrence,
    recurrence_text: recurrenceText(row.recurrence),
    completed_count: row.completedCount,
    remind_at: iso(row.remindAt),
    completed_at: iso(row.completedAt),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: iso(row.deletedAt),
    list_id: row.listId,
  };
}
