// What the recurrence engine adds to the shared wall clock (@taskflow/contracts/zoned-time): a zone check
// that answers with a validation error, the iCalendar local DATE-TIME (a DTSTART is local time plus
// TZID) and a checked calendar day.

import { isTimeZone } from "@taskflow/contracts";
import type { WallClock } from "@taskflow/contracts/zoned-time";
import { invalid } from "../errors";

const knownZones = new Set<string>();

export function checkTimeZone(timeZone: string): void {
  if (knownZones.has(timeZone)) return;
  // isTimeZone builds an Intl formatter (slow): remember the zones that passed.
  if (isTimeZone(timeZone)) knownZones.add(timeZone);
  else {
    throw invalid("time_zone", "must be an IANA time zone such as Europe/Paris or America/Los_Angeles");
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

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
