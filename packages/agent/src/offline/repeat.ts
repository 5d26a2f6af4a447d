/**
 * Repeats said in a message ("every saturday at 9", "on the 1st of every month"): the phrase grammar is
 * the contracts' (`@taskflow/contracts/recurrence-phrase`, the same one MCP and REST read), and the rule
 * goes to the tools as its RRULE. The server owns the series (the RRULE engine in core); this file only
 * finds the calendar day a phrase names first, so the task gets a due the user can see in the reply, and
 * the day after a due for "skip this one". It reads the shapes the phrase grammar makes (weekdays, days
 * of the month, the nth weekday, the last weekday, a date in the year) and declines anything else
 * (BYYEARDAY, BYWEEKNO, COUNT, UNTIL), so it never guesses a day the server would not give.
 */
import { parseRecurrenceRule, type RecurrenceParts, WEEKDAYS } from "@taskflow/contracts/recurrence";
import { parseRecurrencePhrase } from "@taskflow/contracts/recurrence-phrase";
import { addDays, weekdayIndex } from "./dates.js";

export interface FoundRepeat {
  /** The canonical RRULE. */
  rule: string;
  parts: RecurrenceParts;
  /** The words that said it, where they are. */
  text: string;
  start: number;
  end: number;
}

/** The repeat phrase in a text, with its rule's parts; undefined when it says none. */
export function findRepeat(text: string): FoundRepeat | undefined {
  const phrase = parseRecurrencePhrase(text);
  if (phrase === null) return undefined;
  const parsed = parseRecurrenceRule(phrase.rule);
  if (!parsed.ok) return undefined;
  return { ...phrase, parts: parsed.parts };
}

/** Cuts the repeat's words out of the text. */
export function withoutRepeat(text: string, found: FoundRepeat): string {
  return `${text.slice(0, found.start)} ${text.slice(found.end)}`.replace(/\s+/g, " ").trim();
}

/**
 * A rule that says which days it falls on ("every monday", "on the 1st of every month", any daily rule).
 * "weekly" or "every 2 weeks" alone does not: the day would be a guess, so the assistant asks.
 */
export function namesItsDays(parts: RecurrenceParts): boolean {
  return (
    parts.freq === "DAILY" ||
    (parts.byDay?.length ?? 0) > 0 ||
    (parts.byMonthDay?.length ?? 0) > 0 ||
    (parts.freq === "YEARLY" && (parts.byMonth?.length ?? 0) > 0 && (parts.byMonthDay?.length ?? 0) > 0)
  );
}

const readable = (parts: RecurrenceParts) =>
  parts.count === undefined &&
  parts.until === undefined &&
  parts.byYearDay === undefined &&
  parts.byWeekNo === undefined;

const ymd = (day: string) => day.split("-").map(Number) as [number, number, number];
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whether a calendar day is one the rule's BY parts allow (the period is checked apart). */
function dayMatches(parts: RecurrenceParts, day: string): boolean {
  const [y, m, d] = ymd(day);
  const dim = daysInMonth(y, m);
  const weekday = WEEKDAYS[weekdayIndex(day)];
  if (parts.byMonth !== undefined && !parts.byMonth.includes(m)) return false;
  if (parts.byMonthDay !== undefined && !parts.byMonthDay.some((n) => (n > 0 ? n === d : dim + n + 1 === d)))
    return false;
  const byDay = parts.byDay ?? [];
  if (byDay.length === 0) return true;
  if (parts.bySetPos !== undefined) {
    // "the last weekday of the month": the nth of the month's days that fall on the listed weekdays.
    const listed = new Set(byDay.map((b) => b.weekday));
    const days: number[] = [];
    for (let i = 1; i <= dim; i++)
      if (listed.has(WEEKDAYS[weekdayIndex(`${day.slice(0, 8)}${String(i).padStart(2, "0")}`)] ?? "MO"))
        days.push(i);
    return parts.bySetPos.some((pos) => (pos > 0 ? days[pos - 1] : days[days.length + pos]) === d);
  }
  return byDay.some((b) => {
    if (b.weekday !== weekday) return false;
    if (b.ordinal === undefined) return true;
    return b.ordinal > 0 ? Math.ceil(d / 7) === b.ordinal : -Math.ceil((dim - d + 1) / 7) === b.ordinal;
  });
}

/** Whether `day` is in a period of the series that starts in the period of `anchor` (INTERVAL). */
function inPeriod(parts: RecurrenceParts, anchor: string, day: string): boolean {
  const every = parts.interval;
  if (every <= 1) return true;
  const [ay, am] = ymd(anchor);
  const [y, m] = ymd(day);
  switch (parts.freq) {
    case "DAILY":
      return Math.round((Date.parse(day) - Date.parse(anchor)) / 86_400_000) % every === 0;
    case "WEEKLY": {
      const weeks = Math.round(
        (Date.parse(addDays(day, -weekdayIndex(day))) - Date.parse(addDays(anchor, -weekdayIndex(anchor)))) /
          (7 * 86_400_000),
      );
      return weeks % every === 0;
    }
    case "MONTHLY":
      return ((y - ay) * 12 + (m - am)) % every === 0;
    case "YEARLY":
      return (y - ay) % every === 0;
  }
}

/** About four years of days: a yearly rule on 29 February comes back within it. */
const HORIZON_DAYS = 1500;

/**
 * The first day of the rule on or after `from` (after it when `inclusive` is false), counting periods
 * from `anchor`; undefined when the rule is not one this file reads.
 */
function dayOf(parts: RecurrenceParts, anchor: string, from: string, inclusive: boolean): string | undefined {
  if (!readable(parts) || !namesItsDays(parts)) return undefined;
  for (let i = inclusive ? 0 : 1; i < HORIZON_DAYS * Math.max(1, parts.interval); i++) {
    const day = addDays(from, i);
    if (dayMatches(parts, day) && inPeriod(parts, anchor, day)) return day;
  }
  return undefined;
}

/**
 * The first day a rule set today falls on: today when it matches (unless the time of day said has passed
 * there), else the next matching day.
 */
export function firstRepeatDay(
  parts: RecurrenceParts,
  today: string,
  time?: { at: string; now: string },
): string | undefined {
  const first = dayOf(parts, today, today, true);
  if (first === today && time !== undefined && time.at <= time.now) return dayOf(parts, today, today, false);
  return first;
}

/** The occurrence after a due day ("skip this one"), its periods counted from that day. */
export function nextRepeatDay(parts: RecurrenceParts, dueDay: string): string | undefined {
  return dayOf(parts, dueDay, dueDay, false);
}
