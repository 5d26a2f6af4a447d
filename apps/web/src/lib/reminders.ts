// "Remind me" choices and the remind_at they send. Everything is a wall time in the user's zone
// (`YYYY-MM-DDTHH:MM`), which the api reads in that zone; an all-day task's "due time" is 09:00.
import { dueInputs } from "./dates";

export const REMIND_CHOICES = ["none", "due", "30m", "1h", "1d", "custom"] as const;
export type RemindChoice = (typeof REMIND_CHOICES)[number];

export const REMIND_LABELS: Record<RemindChoice, string> = {
  none: "No reminder",
  due: "At due time",
  "30m": "30 min before",
  "1h": "1 hour before",
  "1d": "1 day before",
  custom: "At a date and time…",
};

const MINUTES_BEFORE: Record<Exclude<RemindChoice, "none" | "custom">, number> = {
  due: 0,
  "30m": 30,
  "1h": 60,
  "1d": 1440,
};

/** The time of day an all-day task's reminders count from. */
export const ALL_DAY_REMIND_TIME = "09:00";

/** A wall time moved by some minutes, on the calendar (no zone: the api places it in the user's). */
export function shiftWall(wall: string, minutes: number): string {
  const at = new Date(`${wall}:00Z`);
  return new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

/** The wall time a relative choice reminds at, for a due day and time ("" time: all day). */
export function remindWall(choice: RemindChoice, due: string, time: string): string | null {
  if (choice === "none" || choice === "custom" || !due) return null;
  return shiftWall(`${due}T${time || ALL_DAY_REMIND_TIME}`, -MINUTES_BEFORE[choice]);
}

/** Which choice a stored reminder is (a relative one when it lines up with the due), and its wall time. */
export function remindFromTask(
  remindAt: string | null,
  dueAt: string | null,
  timeZone: string,
): { choice: RemindChoice; at: string } {
  if (!remindAt) return { choice: "none", at: "" };
  const wall = dueInputs(remindAt, timeZone);
  const at = `${wall.date}T${wall.time}`;
  const due = dueInputs(dueAt, timeZone);
  for (const choice of ["due", "30m", "1h", "1d"] as const)
    if (due.date && remindWall(choice, due.date, due.time) === at) return { choice, at };
  return { choice: "custom", at };
}

/** "Reminder Tuesday 1 December, 8:30 AM" style text for a stored remind_at, in the user's zone. */
export function describeRemind(remindAt: string, timeZone: string): string {
  return new Date(remindAt).toLocaleString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
    timeZone,
  });
}
