// The board's views (All, Today, Upcoming) as list queries, and their days, in the user's time zone.
// Bounds go to the api as days and wall times, which it reads in the user's zone (core/tasks/due.ts):
// `due_before` a day is "before that day starts there", and an all-day task counts until its day ends.
import type { Task } from "@taskflow/contracts";
import { describeDue, zoneDayKey } from "./dates";

export const VIEWS = ["all", "today", "upcoming"] as const;
export type View = (typeof VIEWS)[number];

/** How many days Upcoming shows, today included. */
export const UPCOMING_DAYS = 7;

const DAY_MS = 86_400_000;

/** The calendar day `days` after a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The due bounds of a view, as GET /api/tasks params. Today: everything due before tomorrow starts
 * (overdue included). Upcoming: from the start of today to the end of the seventh day.
 */
export function viewBounds(view: View, timeZone: string, now: Date = new Date()): Record<string, string> {
  const today = zoneDayKey(now, timeZone);
  if (view === "today") return { due_before: addDays(today, 1) };
  if (view === "upcoming")
    // due_after is strict: the last moment of yesterday lets a task due at 00:00 today in.
    return { due_after: `${addDays(today, -1)}T23:59:59.999`, due_before: addDays(today, UPCOMING_DAYS) };
  return {};
}

/** Does a task's due fall in a view's window (the same rule the api applies to the bounds)? */
export function dueInView(task: Task, view: View, timeZone: string, now: Date = new Date()): boolean {
  if (view === "all") return true;
  if (!task.due_at) return false;
  const today = zoneDayKey(now, timeZone);
  const day = describeDue(task.due_at, timeZone, now).key;
  if (view === "today") return day <= today;
  return day >= today && day < addDays(today, UPCOMING_DAYS);
}

/** "Today", "Tomorrow", then "Wednesday 2 December" (with the year when it is not this one). */
export function dayHeading(day: string, today: string): string {
  if (day === today) return "Today";
  if (day === addDays(today, 1)) return "Tomorrow";
  return longDay(day, day.slice(0, 4) !== today.slice(0, 4));
}

/** "Saturday 7 December" for a YYYY-MM-DD day. */
export function longDay(day: string, withYear = false): string {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = date.toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
  const rest = date.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
  return `${weekday} ${rest}`;
}

export type DayGroup = { day: string; heading: string; tasks: Task[] };

/** Tasks grouped by the day they are due in the user's zone, days in order, each group's order kept. */
export function groupByDay(tasks: Task[], timeZone: string, now: Date = new Date()): DayGroup[] {
  const today = zoneDayKey(now, timeZone);
  const groups = new Map<string, Task[]>();
  for (const task of tasks) {
    const day = task.due_at ? describeDue(task.due_at, timeZone, now).key : "";
    const group = groups.get(day);
    if (group) group.push(task);
    else groups.set(day, [task]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, items]) => ({ day, heading: day ? dayHeading(day, today) : "No date", tasks: items }));
}
