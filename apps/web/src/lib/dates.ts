// Due dates are calendar days for most tasks: the api stores `YYYY-MM-DD` as midnight UTC. Show those
// as that day everywhere (no timezone shift to the day before); real date-times show local time.

const DAY_MS = 86_400_000;

function isMidnightUtc(date: Date): boolean {
  return (
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0
  );
}

/** YYYY-MM-DD of a local calendar day. */
export function localDayKey(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** The calendar day a due date means, as YYYY-MM-DD. */
export function dueDayKey(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  return isMidnightUtc(date) ? date.toISOString().slice(0, 10) : localDayKey(date);
}

function dayNumber(key: string): number {
  const [y = 0, m = 1, d = 1] = key.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export type DueInfo = { key: string; label: string; long: string; overdue: boolean; soon: boolean };

export function describeDue(iso: string, now: Date = new Date()): DueInfo {
  const key = dueDayKey(iso);
  const today = localDayKey(now);
  const diff = dayNumber(key) - dayNumber(today);
  const date = new Date(iso);
  const hasTime = !Number.isNaN(date.getTime()) && !isMidnightUtc(date);
  const asUtcDay = new Date(`${key}T12:00:00Z`);
  const weekday = asUtcDay.toLocaleDateString("en-US", { weekday: "short", timeZone: "UTC" });
  const sameYear = key.slice(0, 4) === today.slice(0, 4);
  const monthDay = asUtcDay.toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone: "UTC",
  });
  let label: string;
  if (diff === 0) label = "Today";
  else if (diff === 1) label = "Tomorrow";
  else if (diff === -1) label = "Yesterday";
  else if (diff > 1 && diff < 7) label = weekday;
  else label = monthDay;
  if (hasTime) label += ` ${date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" })}`;
  const long = asUtcDay.toLocaleDateString("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
  const overdue = hasTime ? date.getTime() < now.getTime() : diff < 0;
  return { key, label, long, overdue, soon: !overdue && diff >= 0 && diff <= 1 };
}

/** Value for <input type="date"> from a stored due date. */
export function dueInputValue(iso: string | null): string {
  return iso ? dueDayKey(iso) : "";
}

export function relativeTime(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((now.getTime() - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} d ago`;
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric" });
}
