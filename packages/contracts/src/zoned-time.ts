// The wall clock an instant shows in an IANA time zone, read from the runtime's own zone database
// (Intl), so neither the server nor the browser needs a Temporal polyfill. Only this direction: a wall
// time is turned into an instant by PostgreSQL (`at time zone`, from the user's stored zone), so no
// offset arithmetic is written here to go wrong across a daylight-saving change. Dependency-free, so the
// core, the agent and the web share it.

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone (building one is slow); a RangeError for a zone Intl does not know. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  // Intl reads zone names without regard to ASCII case, so one entry serves every spelling: a caller
  // sending "aMeRiCa/…" variants cannot grow the cache past the zones there are. Only ASCII is folded:
  // toLowerCase would also fold look-alikes (the Kelvin sign to "k") that Intl refuses.
  const key = timeZone.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23, not hour12: false, which shows midnight as 24 in some engines.
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      // With the era a year before 1 AD is told apart (it is skipped below); the year stays positive.
      era: "short",
    });
    formatters.set(key, found);
  }
  return found;
}

/** Can this runtime's Intl format in the zone (an IANA name it knows)? */
export function isIntlTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time an instant shows in a zone (a RangeError for an unknown zone or invalid date). */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const field: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal" && part.type !== "era") field[part.type] = Number(part.value);
  }
  return {
    year: field.year ?? 0,
    month: field.month ?? 0,
    day: field.day ?? 0,
    hour: field.hour ?? 0,
    minute: field.minute ?? 0,
    second: field.second ?? 0,
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** `YYYY-MM-DD` of a wall clock. */
export const isoDay = (wall: Pick<WallClock, "year" | "month" | "day">) =>
  `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;

/** `HH:MM` (24 h) of a wall clock. */
export const isoMinute = (wall: Pick<WallClock, "hour" | "minute">) =>
  `${pad(wall.hour)}:${pad(wall.minute)}`;

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a zone. */
export const dayInZone = (instant: Date, timeZone: string) => isoDay(wallClock(instant, timeZone));

/** An instant's calendar day (`YYYY-MM-DD`) and time (`HH:MM`, 24 h) in a zone. */
export function dayAndTimeInZone(instant: Date, timeZone: string): { day: string; time: string } {
  const wall = wallClock(instant, timeZone);
  return { day: isoDay(wall), time: isoMinute(wall) };
}

/** `YYYY-MM-DDTHH:MM`: an instant as the wall time the api reads in the user's zone. */
export function wallTimeInZone(instant: Date, timeZone: string): string {
  const { day, time } = dayAndTimeInZone(instant, timeZone);
  return `${day}T${time}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WALL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A due's calendar day and time in a zone, or null when it is not a date. Three shapes:
 * - `YYYY-MM-DD`: an all-day due, a floating calendar day the same for every viewer (time null);
 * - `YYYY-MM-DDTHH:MM[:SS]` without an offset: a wall time already in the zone, read as it is;
 * - an instant with `Z` or an offset: read at its wall-clock time in the zone.
 */
export function dueInZone(due: string, timeZone: string): { day: string; time: string | null } | null {
  if (DAY.test(due)) return { day: due, time: null };
  const wall = WALL.exec(due);
  if (wall?.[1] && wall[2]) return { day: wall[1], time: wall[2] };
  const instant = new Date(due);
  return Number.isNaN(instant.getTime()) ? null : dayAndTimeInZone(instant, timeZone);
}

/** Is this due a wall time without an offset (compared as local text, not as an instant)? */
export const isWallTime = (due: string) => WALL.test(due);
