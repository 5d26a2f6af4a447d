import type { Task } from "@taskflow/contracts";
import { type TaskRow, tasks } from "@taskflow/db/schema";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
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

type TaskFields = Pick<
  TaskRow,
  | "id"
  | "title"
  | "description"
  | "completed"
  | "priority"
  | "tags"
  | "allDay"
  | "recurrence"
  | "completedCount"
  | "listId"
>;

/** The wire shape, in its one field order, from a row and its timestamps already as wire text. */
function wireTask(
  row: TaskFields,
  dueAt: string | null,
  remindAt: string | null,
  completedAt: string | null,
  createdAt: string,
  updatedAt: string,
  deletedAt: string | null,
): Task {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    completed: row.completed,
    priority: row.priority,
    tags: row.tags,
    due_at: dueAt,
    all_day: row.allDay,
    recurrence: row.recurrence,
    recurrence_text: recurrenceText(row.recurrence),
    completed_count: row.completedCount,
    remind_at: remindAt,
    completed_at: completedAt,
    created_at: createdAt,
    updated_at: updatedAt,
    deleted_at: deletedAt,
    list_id: row.listId,
  };
}

/** The wire shape of a task (snake_case, ISO-8601 strings). */
export function toTask(row: TaskRow): Task {
  return wireTask(
    row,
    dueOnWire(row),
    iso(row.remindAt),
    iso(row.completedAt),
    row.createdAt.toISOString(),
    row.updatedAt.toISOString(),
    iso(row.deletedAt),
  );
}

/**
 * A timestamp column read as the wire's ISO-8601 text (UTC, millisecond precision, truncated like a
 * JavaScript `Date`): PostgreSQL writes text for a timestamp either way, and this text is the one
 * `Date#toISOString()` gives, so a listing needs no `Date` per value and no conversion back.
 */
const isoText = <T extends string | null = string | null>(column: SQLWrapper): SQL<T> =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The columns a task's wire shape needs, timestamps already as ISO text: what listings and every statement
 * whose row only becomes a Task select or return, instead of the whole row with a `Date` for each of its
 * eight timestamps. `toTask` is for the whole rows the locked ways and the export read.
 */
export const WIRE_COLUMNS = {
  id: tasks.id,
  title: tasks.title,
  description: tasks.description,
  completed: tasks.completed,
  priority: tasks.priority,
  tags: tasks.tags,
  dueAt: isoText(tasks.dueAt),
  allDay: tasks.allDay,
  recurrence: tasks.recurrence,
  completedCount: tasks.completedCount,
  remindAt: isoText(tasks.remindAt),
  completedAt: isoText(tasks.completedAt),
  createdAt: isoText<string>(tasks.createdAt),
  updatedAt: isoText<string>(tasks.updatedAt),
  deletedAt: isoText(tasks.deletedAt),
  listId: tasks.listId,
};

/** A row of `WIRE_COLUMNS`. */
export type WireRow = TaskFields & {
  dueAt: string | null;
  remindAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

/**
 * `to_char`'s year has four digits up to 9999; past it, the text `toISOString()` gives (`+010000-…`).
 * Accepted dates stop at 9999, but a repeating task can step past it.
 */
function wireInstant(text: string): string;
function wireInstant(text: string | null): string | null;
function wireInstant(text: string | null): string | null {
  if (text === null || text.length === 24) return text;
  const dash = text.indexOf("-");
  return new Date(`+${text.slice(0, dash).padStart(6, "0")}${text.slice(dash)}`).toISOString();
}

/** `toTask` for a row of `WIRE_COLUMNS`: the same wire shape, field for field. */
export function wireToTask(row: WireRow): Task {
  const due = wireInstant(row.dueAt);
  return wireTask(
    row,
    due !== null && row.allDay ? due.slice(0, 10) : due,
    wireInstant(row.remindAt),
    wireInstant(row.completedAt),
    wireInstant(row.createdAt),
    wireInstant(row.updatedAt),
    wireInstant(row.deletedAt),
  );
}
