// Due dates in SQL, where the user's time zone lives (PostgreSQL's zone database does the conversions):
// a `day` is stored as midnight UTC of that calendar day with all_day set, a `wall` time is read in the
// user's zone, an `instant` is taken as it is.

import type { DateInput } from "@taskflow/contracts";
import type { TaskRow } from "@taskflow/db/schema";
import { tasks, user } from "@taskflow/db/schema";
import { type SQL, sql } from "drizzle-orm";

const p = sql.placeholder;

/** The caller's zone, read in the same statement (placeholder `userId`). */
export const userZone = sql`(select ${user.timeZone} from ${user} where ${user.id} = ${p("userId")})`;

/** The three placeholders one DateInput travels in; exactly one is set (or none, for null). */
export function dateParams(prefix: string, input: DateInput | null | undefined) {
  return {
    [`${prefix}Day`]: input?.kind === "day" ? input.value : null,
    [`${prefix}Wall`]: input?.kind === "wall" ? input.value : null,
    [`${prefix}Instant`]: input?.kind === "instant" ? input.value : null,
  };
}

/** The instant a DateInput names: a day is its start in the user's zone (list bounds). */
export function boundInstant(prefix: string): SQL {
  return sql`coalesce((${p(`${prefix}Day`)}::date)::timestamp at time zone ${userZone}, (${p(`${prefix}Wall`)}::timestamp) at time zone ${userZone}, ${p(`${prefix}Instant`)}::timestamptz)`;
}

/** The stored due_at of a DateInput: a day is midnight UTC of it (with all_day), else the instant. */
export function storedDue(prefix: string): SQL {
  return sql`coalesce((${p(`${prefix}Day`)}::date)::timestamp at time zone 'UTC', (${p(`${prefix}Wall`)}::timestamp) at time zone ${userZone}, ${p(`${prefix}Instant`)}::timestamptz)`;
}

export function storedAllDay(prefix: string): SQL {
  return sql`(${p(`${prefix}Day`)}::date is not null)`;
}

/**
 * When a task is due for the user, as an instant: its due_at, or for an all-day task the last moment
 * of that day in the user's zone (due today is not overdue until the day is over).
 */
export const effectiveDue = sql`(case when ${tasks.allDay} then ((${tasks.dueAt} at time zone 'UTC')::date + 1)::timestamp at time zone ${userZone} - interval '1 millisecond' else ${tasks.dueAt} end)`;

/** The wire form of a due: `YYYY-MM-DD` for an all-day task, else an ISO instant. */
export function dueOnWire(row: Pick<TaskRow, "dueAt" | "allDay">): string | null {
  if (!row.dueAt) return null;
  return row.allDay ? row.dueAt.toISOString().slice(0, 10) : row.dueAt.toISOString();
}
