// Recurring tasks in the task use cases: a body's `recurrence` resolved (RRULE or English phrase), the due
// a rule gives a task that has none, and the step a completion takes (the next occurrence, the reminder
// moved with it). The rule engine itself is ../recurrence.

import type { CreateTaskInput, DateInput } from "@taskflow/contracts";
import type { RecurrenceParts } from "@taskflow/contracts/recurrence";
import type { Db } from "@taskflow/db/client";
import { type TaskRow, tasks, user } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { AppError, invalid, notFound } from "../errors";
import {
  dayInZone,
  firstOccurrence,
  nextOccurrence,
  parseRecurrence,
  parseRecurrencePhrase,
  resolveRecurrence,
} from "../recurrence";
import { notInTrash } from "./trash";

/** A body's `recurrence`, resolved: the canonical rule and, from "every saturday at 9", the time of day. */
export interface TaskRecurrence {
  rule: string;
  /** `HH:MM`, when the phrase also said a time ("at 9", "at 8:30pm"). */
  time?: string;
}

const TIME = /^(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

/** "at 9", "at 8:30pm", "9am", "21:00" as `HH:MM`; undefined when the text is not only a time of day. */
function timeOfDay(text: string): string | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const [, hourText, minuteText, meridiem] = match;
  // A bare number ("every 2 weeks 3") is not a time: it needs "at", minutes or am/pm.
  if (!text.toLowerCase().startsWith("at") && minuteText === undefined && meridiem === undefined)
    return undefined;
  let hour = Number(hourText);
  const minute = Number(minuteText ?? 0);
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.toLowerCase().startsWith("p");
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * `recurrence` as REST and MCP take it: an RRULE, a phrase that is all repeat ("every weekday"), or a
 * repeat with a time of day ("every saturday at 9"). Anything else is a 400 on `recurrence`.
 */
export function resolveTaskRecurrence(input: string): TaskRecurrence {
  try {
    return { rule: resolveRecurrence(input) as string };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const text = input.trim().replace(/[.!]+$/, "");
    const phrase = parseRecurrencePhrase(text);
    if (!phrase) throw error;
    const rest = `${text.slice(0, phrase.start)} ${text.slice(phrase.end)}`.replace(/[\s,]+/g, " ").trim();
    const time = timeOfDay(rest);
    if (time === undefined) throw error;
    return { rule: phrase.rule, time };
  }
}

/** Does the rule say on which days it falls by itself ("every monday"), not only how often ("weekly")? */
function namesItsDays(parts: RecurrenceParts): boolean {
  const has = (list: unknown[] | undefined) => (list?.length ?? 0) > 0;
  switch (parts.freq) {
    case "DAILY":
      return true;
    case "WEEKLY":
      return has(parts.byDay);
    case "MONTHLY":
      return has(parts.byMonthDay) || has(parts.byDay);
    default:
      return (
        has(parts.byYearDay) ||
        has(parts.byWeekNo) ||
        (has(parts.byMonth) && (has(parts.byMonthDay) || has(parts.byDay)))
      );
  }
}

/**
 * The due a rule gives a task that has none: its first day from today in the user's zone ("every saturday
 * at 9" → next Saturday 09:00 there; without a time, an all-day due). A rule that does not name its days
 * ("weekly": which day?) is refused rather than guessed, as is one whose series has already ended.
 */
export function dueFromRule(recurrence: TaskRecurrence, timeZone: string, now: Date): DateInput {
  const { parts } = parseRecurrence(recurrence.rule);
  if (!namesItsDays(parts)) {
    throw invalid(
      "recurrence",
      `needs a due date: ${recurrence.rule} does not say on which day it falls; give due_at, or name the day ("every monday", "on the 1st of every month")`,
    );
  }
  const first = firstOccurrence({
    rule: recurrence.rule,
    timeZone,
    now,
    ...(recurrence.time ? { time: recurrence.time } : {}),
  });
  if (!first) throw invalid("recurrence", "has no occurrence from today on (its series has ended)");
  return recurrence.time ? { kind: "instant", value: first.due } : { kind: "day", value: first.due };
}

/** A time in the phrase goes with a due it derives; beside a due of its own it would be lost, so it is refused. */
export function timeBesideDue(input: string, recurrence: TaskRecurrence): AppError {
  const phrase = parseRecurrencePhrase(input.trim());
  return invalid(
    "recurrence",
    `says a time of day, but the task has its own due date: give only "${phrase?.text ?? recurrence.rule}" here (the time of day comes from due_at)`,
  );
}

/**
 * A new task's `recurrence` resolved to its canonical rule, and its due: the body's, or the one the rule
 * gives (the user's zone is read only then).
 */
export async function withRecurrence(
  db: Db,
  userId: string,
  input: CreateTaskInput,
): Promise<CreateTaskInput> {
  if (input.recurrence === undefined || input.recurrence === null) return input;
  const recurrence = resolveTaskRecurrence(input.recurrence);
  if (input.due_at) {
    if (recurrence.time) throw timeBesideDue(input.recurrence, recurrence);
    return { ...input, recurrence: recurrence.rule };
  }
  const due = dueFromRule(recurrence, await userTimeZone(db, userId), new Date());
  return { ...input, recurrence: recurrence.rule, due_at: due };
}

export async function userTimeZone(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ timeZone: user.timeZone }).from(user).where(eq(user.id, userId));
  return row?.timeZone ?? "UTC";
}

/** The task (not in the trash) and its user's zone, its row locked until the transaction ends. */
export async function lockTask(db: Db, userId: string, taskId: number) {
  const [found] = await db
    .select({ row: tasks, timeZone: user.timeZone })
    .from(tasks)
    .innerJoin(user, eq(user.id, tasks.userId))
    .where(and(eq(tasks.id, taskId), eq(tasks.userId, userId), notInTrash))
    .for("update", { of: tasks });
  if (!found) throw notFound(`Task ${taskId}`);
  return found;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Completes a recurring task (its row locked by the caller): the due moves to the rule's next occurrence
 * in the user's zone, `completed_count` goes up by one, the task stays open and `remind_at` moves by as
 * many days as the due did, at the same local time. When COUNT or UNTIL has ended the series, the task
 * is completed like any other (and counted).
 */
export async function completeRecurring(
  db: Db,
  row: TaskRow,
  timeZone: string,
  now: Date = new Date(),
): Promise<TaskRow> {
  const where = and(eq(tasks.id, row.id), eq(tasks.userId, row.userId));
  const next =
    row.recurrence && row.dueAt
      ? nextOccurrence({ rule: row.recurrence, due: row.dueAt, allDay: row.allDay, timeZone, today: now })
      : null;
  if (!next || !row.dueAt) {
    const [done] = await db
      .update(tasks)
      .set({
        completed: true,
        completedAt: sql`coalesce(${tasks.completedAt}, now())` as unknown as Date,
        completedCount: sql`${tasks.completedCount} + 1` as unknown as number,
        updatedAt: sql`now()` as unknown as Date,
      })
      .where(where)
      .returning();
    return done as TaskRow;
  }
  const dayOf = (instant: Date) =>
    row.allDay ? instant.toISOString().slice(0, 10) : dayInZone(instant, timeZone);
  const days = daysBetween(dayOf(row.dueAt), dayOf(next.dueAt));
  const [advanced] = await db
    .update(tasks)
    .set({
      dueAt: next.dueAt,
      recurrence: next.rule,
      completed: false,
      completedAt: null,
      completedCount: sql`${tasks.completedCount} + 1` as unknown as number,
      remindAt:
        sql`((${tasks.remindAt} at time zone ${timeZone}) + make_interval(days => ${days}::int)) at time zone ${timeZone}` as unknown as Date,
      updatedAt: sql`now()` as unknown as Date,
    })
    .where(where)
    .returning();
  return advanced as TaskRow;
}
