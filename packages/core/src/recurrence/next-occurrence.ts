import { formatRecurrence, type RecurrenceParts } from "@taskflow/contracts/recurrence";
import { dayInZone, wallClock } from "@taskflow/contracts/zoned-time";
import { invalid } from "../errors";
import { buildRule, occurrenceAfter, occurrencesBefore, type Series } from "./engine";
import { parseRecurrence } from "./parse-recurrence";
import { checkTimeZone, icalWall, parseDay } from "./zoned-time";

export interface NextOccurrenceInput {
  /** The task's RRULE (`FREQ=WEEKLY;BYDAY=MO`). */
  rule: string;
  /**
   * The current due: for an all-day task its calendar day (`YYYY-MM-DD`, or the stored Date at midnight
   * UTC); else the instant (a Date or an ISO-8601 string with offset).
   */
  due: string | Date;
  allDay: boolean;
  /** The user's IANA zone: a timed task keeps its local time of day there. */
  timeZone: string;
  /** The user's today: a `YYYY-MM-DD` in their zone, or an instant (the day it falls on in their zone). */
  today: string | Date;
}

export interface NextOccurrence {
  /** The wire form: `YYYY-MM-DD` for an all-day task, else an ISO instant in UTC. */
  due: string;
  /** The stored form: the instant, or midnight UTC of the day for an all-day task. */
  dueAt: Date;
  /**
   * The rule to store from now on: the same rule, except that a COUNT is lowered by the occurrences
   * this step used up, so the series keeps its length while its DTSTART (the due) moves forward.
   */
  rule: string;
}

const DAY_MS = 86_400_000;
// UTC+14 is the earliest zone: local midnight of a day is never earlier than that day's UTC midnight − 14 h.
const EARLIEST_OFFSET_MS = 15 * 3_600_000;

function dueInstant(due: string | Date): Date {
  const instant = typeof due === "string" ? new Date(due) : due;
  if (Number.isNaN(instant.getTime()) || (typeof due === "string" && !/(Z|[+-]\d{2}:?\d{2})$/i.test(due))) {
    throw invalid("due_at", "must be an ISO-8601 instant with an offset or Z");
  }
  return instant;
}

function dueDay(due: string | Date): string {
  if (typeof due === "string") {
    parseDay("due_at", due);
    return due;
  }
  if (Number.isNaN(due.getTime())) throw invalid("due_at", "must be a calendar day YYYY-MM-DD");
  return due.toISOString().slice(0, 10);
}

function todayIn(today: string | Date, timeZone: string): string {
  if (typeof today === "string") {
    parseDay("today", today);
    return today;
  }
  return dayInZone(today, timeZone);
}

/** An UNTIL given as a UTC instant ends a floating (all-day) series on that instant's day in the user's zone. */
function floatingParts(parts: RecurrenceParts, timeZone: string): RecurrenceParts {
  if (parts.until?.kind !== "instant") return parts;
  const wall = wallClock(parts.until.at, timeZone);
  return { ...parts, until: { kind: "date", year: wall.year, month: wall.month, day: wall.day } };
}

/**
 * The contract's "next occurrence": when a recurring task is completed, its due moves to the rule's
 * first occurrence that is after the current due and on a day after the user's today, so completing a
 * task that was overdue for several periods lands in the future, not on another past date.
 *
 * A timed task's series runs in the user's zone, so 09:00 stays 09:00 local across daylight-saving
 * changes (a local time that does not exist that day, inside a spring-forward gap, is skipped as
 * RFC 5545 says). An all-day task's series runs in floating calendar days. Months without a
 * BYMONTHDAY=31 and non-leap years for 29 February are skipped (RFC 5545). Null when COUNT or UNTIL
 * has ended the series.
 */
export function nextOccurrence(input: NextOccurrenceInput): NextOccurrence | null {
  const { parts } = parseRecurrence(input.rule);
  checkTimeZone(input.timeZone);
  const today = todayIn(input.today, input.timeZone);
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const tomorrowUtc = Date.UTC(year, month - 1, day) + DAY_MS;

  let series: Series;
  let after: Date;
  if (input.allDay) {
    const start = dueDay(input.due);
    // Floating days are computed as midnights in UTC, where every day is 24 h long.
    series = {
      parts: floatingParts(parts, input.timeZone),
      dtstart: `${start.replaceAll("-", "")}T000000`,
      timeZone: "UTC",
    };
    after = new Date(Math.max(Date.parse(`${start}T00:00:00Z`), tomorrowUtc - 1));
  } else {
    const due = dueInstant(input.due);
    series = { parts, dtstart: icalWall(wallClock(due, input.timeZone)), timeZone: input.timeZone };
    after = new Date(Math.max(due.getTime(), tomorrowUtc - EARLIEST_OFFSET_MS));
  }

  const rule = buildRule(series);
  let next = occurrenceAfter(rule, after);
  // The lower bound above may fall on today in the user's zone; step past today's occurrences.
  while (next && next.day <= today) next = occurrenceAfter(rule, new Date(next.epochMilliseconds));
  if (!next) return null;

  const remaining =
    parts.count === undefined
      ? parts
      : { ...parts, count: parts.count - occurrencesBefore(rule, next.epochMilliseconds) };
  const dueAt = new Date(next.epochMilliseconds);
  return { due: input.allDay ? next.day : dueAt.toISOString(), dueAt, rule: formatRecurrence(remaining) };
}
