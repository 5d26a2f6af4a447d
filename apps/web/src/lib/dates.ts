// Dues as a person reads them, in their time zone (the `time_zone` of /api/me). Intl does all the zone
// work (@taskflow/contracts/zoned-time); nothing here turns a wall time into an instant — the api does
// that when it is sent one. Three shapes of due:
// - `YYYY-MM-DD`: an all-day task, a floating calendar day, the same for every viewer (never shifted);
// - an instant with `Z` or an offset: a timed task, shown at its wall-clock time in the user's zone;
// - `YYYY-MM-DDTHH:MM[:SS]` without an offset (what the assistant's tool calls carry): a wall time
//   already in the user's zone, shown as it is.

import { dayAndTimeInZone, dayInZone, dueInZone, isWallTime } from "@taskflow/contracts/zoned-time";

const DAY_MS = 86_400_000;

/** The browser's own zone (what the web offers to store as the user's zone). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** YYYY-MM-DD of the calendar day an instant falls on in a zone. */
export const zoneDayKey = dayInZone;

function dayNumber(key: string): number {
  const [y = 0, m = 1, d = 1] = key.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** "10:00 AM" for "10:00". Intl puts a narrow no-break space before AM/PM; a plain one reads the same. */
function clockLabel(time: string): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  return new Date(Date.UTC(2000, 0, 1, h, m))
    .toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "UTC" })
    .replace(/\s/g, " ");
}

export type DueInfo = {
  /** YYYY-MM-DD in the user's zone. */
  key: string;
  /** HH:MM (24 h) in the user's zone; null for an all-day due. */
  time: string | null;
  label: string;
  long: string;
  overdue: boolean;
  soon: boolean;
};

export function describeDue(due: string, timeZone: string, now: Date = new Date()): DueInfo {
  const wall = dueInZone(due, timeZone) ?? { day: due.slice(0, 10), time: null };
  const { day: key, time } = wall;
  const current = dayAndTimeInZone(now, timeZone);
  const diff = dayNumber(key) - dayNumber(current.day);
  // A calendar day read at noon UTC names that day whatever the formatting zone below.
  const asUtcDay = new Date(`${key}T12:00:00Z`);
  const sameYear = key.slice(0, 4) === current.day.slice(0, 4);
  let label: string;
  if (diff === 0) label = "Today";
  else if (diff === 1) label = "Tomorrow";
  else if (diff === -1) label = "Yesterday";
  else if (diff > 1 && diff < 7)
    label = asUtcDay.toLocaleDateString("en-US", { weekday: "short", timeZone: "UTC" });
  else
    label = asUtcDay.toLocaleDateString("en-US", {
      month: "short",
      day: "numeric",
      ...(sameYear ? {} : { year: "numeric" }),
      timeZone: "UTC",
    });
  if (time) label += ` ${clockLabel(time)}`;
  const long = asUtcDay.toLocaleDateString("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
  // An all-day task is due until its day ends in the user's zone; a timed one at its minute.
  let overdue: boolean;
  if (!time) overdue = diff < 0;
  else if (isWallTime(due)) overdue = `${key}T${time}` < `${current.day}T${current.time}`;
  else overdue = new Date(due).getTime() < now.getTime();
  return {
    key,
    time,
    label,
    long: time ? `${long}, ${clockLabel(time)}` : long,
    overdue,
    soon: !overdue && diff >= 0 && diff <= 1,
  };
}

/** Values for the date and time inputs from a stored due, in the user's zone ("" when absent). */
export function dueInputs(due: string | null, timeZone: string): { date: string; time: string } {
  if (!due) return { date: "", time: "" };
  const wall = dueInZone(due, timeZone);
  return wall ? { date: wall.day, time: wall.time ?? "" } : { date: "", time: "" };
}

export function relativeTime(iso: string, now: Date = new Date(), timeZone?: string): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} d ago`;
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone });
}
