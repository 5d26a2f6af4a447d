/**
 * The user's wall clock, read with Intl from an instant and an IANA zone (the shared
 * @taskflow/contracts/zoned-time). Dates the user says are local calendar days and wall times
 * ("tomorrow at 10am" → `YYYY-MM-DDT10:00`): the api turns them into instants in the user's zone, so
 * this module never converts a wall time back to an instant, and there is no offset arithmetic to get
 * wrong across a daylight-saving change.
 */
import { dayAndTimeInZone, isIntlTimeZone, wallTimeInZone } from "@taskflow/contracts/zoned-time";

/** An instant as the user reads it. */
export interface WallClock {
  /** YYYY-MM-DD in the user's zone. */
  day: string;
  /** HH:MM (24 h) in the user's zone. */
  time: string;
}

/** A zone Intl knows, else UTC (a bad zone must not crash a chat turn). */
export function knownZone(timeZone: string | undefined): string {
  return timeZone !== undefined && timeZone.length > 0 && isIntlTimeZone(timeZone) ? timeZone : "UTC";
}

export function wallClock(instant: Date, timeZone: string | undefined): WallClock {
  return dayAndTimeInZone(instant, knownZone(timeZone));
}

/** The wall clock as a `YYYY-MM-DDTHH:MM` value the api reads in the user's zone. */
export function wallTime(instant: Date, timeZone: string | undefined): string {
  return wallTimeInZone(instant, knownZone(timeZone));
}

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A task's `due_at` as its local calendar day: an all-day date as is, an instant read in the zone. */
export function dueDay(dueAt: string, timeZone: string | undefined): string {
  if (ALL_DAY.test(dueAt)) return dueAt;
  const instant = new Date(dueAt);
  return Number.isNaN(instant.getTime()) ? dueAt.slice(0, 10) : wallClock(instant, timeZone).day;
}

/**
 * A comparable local key for a task's due: `YYYY-MM-DDTHH:MM`, an all-day task at the very end of its day
 * (it counts as due until the day ends).
 */
export function dueKey(dueAt: string, timeZone: string | undefined): string {
  if (ALL_DAY.test(dueAt)) return `${dueAt}T24:00`;
  const instant = new Date(dueAt);
  return Number.isNaN(instant.getTime()) ? dueAt : wallTime(instant, timeZone);
}

/** True when a task's due has passed at `now` in the user's zone. */
export function isOverdue(
  dueAt: string | null | undefined,
  now: Date,
  timeZone: string | undefined,
): boolean {
  if (dueAt === null || dueAt === undefined) return false;
  return dueKey(dueAt, timeZone) < wallTime(now, timeZone);
}
