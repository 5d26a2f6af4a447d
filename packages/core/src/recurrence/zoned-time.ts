// Wall-clock arithmetic in a time zone, from the runtime's own zone database (Intl), so core needs no
// Temporal polyfill of its own: the recurrence engine takes a DTSTART as local time plus TZID.

import { isTimeZone } from "@taskflow/contracts";
import { invalid } from "../errors";

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, found);
  }
  return found;
}

const knownZones = new Set<string>();

export function checkTimeZone(timeZone: string): void {
  if (knownZones.has(timeZone)) return;
  // isTimeZone builds an Intl formatter (slow): remember the zones that passed.
  if (isTimeZone(timeZone)) knownZones.add(timeZone);
  else {
    throw invalid("time_zone", "must be an IANA time zone such as Europe/Paris or America/Los_Angeles");
  }
}

/** The local date and time an instant shows in a zone. */
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

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a zone. */
export const dayInZone = (instant: Date, timeZone: string) => isoDay(wallClock(instant, timeZone));

/** `YYYYMMDDTHHMMSS`, the local form of an iCalendar DATE-TIME. */
export const icalWall = (wall: WallClock) =>
  `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` that names a real day, as its parts; else a validation error on `field`. */
export function parseDay(field: string, value: string): { year: number; month: number; day: number } {
  const match = DAY.exec(value);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!match || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) {
    throw invalid(field, "must be a calendar day YYYY-MM-DD");
  }
  return { year, month, day };
}
