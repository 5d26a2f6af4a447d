/**
 * The user's wall clock, read with Intl from an instant and an IANA zone. Dates the user says are local
 * calendar days and wall times ("tomorrow at 10am" → `YYYY-MM-DDT10:00`): the api turns them into
 * instants in the user's zone, so this module never converts a wall time back to an instant, and there is
 * no offset arithmetic to get wrong across a daylight-saving change.
 */
export interface WallClock {
  /** YYYY-MM-DD in the user's zone. */
  day: string;
  /** HH:MM (24 h) in the user's zone. */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A zone Intl knows, else UTC (a bad zone must not crash a chat turn). */
export function knownZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone.length === 0) return "UTC";
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return "UTC";
  }
}

export function wallClock(instant: Date, timeZone: string | undefined): WallClock {
  const parts = formatter(knownZone(timeZone)).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "00";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** The wall clock as a `YYYY-MM-DDTHH:MM` value the api reads in the user's zone. */
export function wallTime(instant: Date, timeZone: string | undefined): string {
  const { day, time } = wallClock(instant, timeZone);
  return `${day}T${time}`;
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
