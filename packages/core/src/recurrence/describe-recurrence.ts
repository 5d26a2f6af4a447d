import type { ByDay, RecurrenceParts, Until, Weekday } from "@taskflow/contracts/recurrence";
import { wallClock } from "@taskflow/contracts/zoned-time";
import { toText } from "rrule-temporal/totext";
import { buildRule } from "./engine";
import { parseRecurrence } from "./parse-recurrence";
import { checkTimeZone } from "./zoned-time";

export const DAY_NAMES: Record<Weekday, string> = {
  MO: "Monday",
  TU: "Tuesday",
  WE: "Wednesday",
  TH: "Thursday",
  FR: "Friday",
  SA: "Saturday",
  SU: "Sunday",
};
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WORKWEEK = ["MO", "TU", "WE", "TH", "FR"];
const ALL_DAYS = [...WORKWEEK, "SA", "SU"];

const SUFFIXES: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };

/** 1 → "1st", 22 → "22nd", -1 → "last", -2 → "2nd to last". */
export function ordinal(value: number): string {
  if (value === -1) return "last";
  if (value < 0) return `${ordinal(-value)} to last`;
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (SUFFIXES[value % 10] ?? "th");
  return `${value}${suffix}`;
}

/** "a", "a and b", "a, b and c". */
function join(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const every = (interval: number, unit: string) =>
  interval === 1 ? `every ${unit}` : `every ${interval} ${unit}s`;
const months = (values: number[]) => join(values.map((month) => MONTH_NAMES[month - 1] ?? String(month)));
const dayNames = (days: ByDay[]) => join(days.map((entry) => DAY_NAMES[entry.weekday]));
const sameSet = (days: ByDay[], set: string[]) =>
  days.length === set.length && set.every((code) => days.some((entry) => entry.weekday === code));

/** "every weekday", "every day", "every Monday and Thursday". */
function weekdays(days: ByDay[]): string {
  if (sameSet(days, ALL_DAYS)) return "every day";
  if (sameSet(days, WORKWEEK)) return "every weekday";
  return `every ${dayNames(days)}`;
}

/** Our wording for the shapes people say; null for the rest, which the library words. */
function ownWording(parts: RecurrenceParts): string | null {
  const { freq, interval, byMonth, byMonthDay } = parts;
  const byDay = parts.byDay ?? [];
  const [setPos, ...morePositions] = parts.bySetPos ?? [];
  if (setPos !== undefined && morePositions.length === 0 && freq === "MONTHLY" && interval === 1) {
    // "the last weekday of every month" (BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1), a common one.
    const plainOnly = byDay.length > 0 && byDay.every((entry) => entry.ordinal === undefined);
    if (plainOnly && !byMonth && !byMonthDay) {
      const which = sameSet(byDay, WORKWEEK)
        ? "weekday"
        : byDay.map((entry) => DAY_NAMES[entry.weekday]).join(" or ");
      return `on the ${ordinal(setPos)} ${which} of every month`;
    }
  }
  if (parts.bySetPos || parts.byYearDay || parts.byWeekNo) return null;
  const plain = byDay.filter((entry) => entry.ordinal === undefined);
  const ordinals = byDay.filter((entry) => entry.ordinal !== undefined);
  if (plain.length > 0 && ordinals.length > 0) return null;
  if (byMonthDay && byDay.length > 0) return null;
  const nthDays = join(ordinals.map((entry) => `${ordinal(entry.ordinal ?? 1)} ${DAY_NAMES[entry.weekday]}`));
  // "the 1st and 15th", but "the last day" / "the 2nd to last day" (a bare "the last" would be unclear).
  const monthDays = byMonthDay
    ? `${join(byMonthDay.map(ordinal))}${byMonthDay.some((day) => day < 0) ? " day" : ""}`
    : "";
  let text: string;
  switch (freq) {
    case "DAILY":
      if (byMonthDay) return null;
      if (plain.length > 0) {
        if (interval !== 1) return null;
        text = weekdays(plain);
      } else text = every(interval, "day");
      break;
    case "WEEKLY":
      if (plain.length === 0) text = every(interval, "week");
      else text = interval === 1 ? weekdays(plain) : `${every(interval, "week")} on ${dayNames(plain)}`;
      break;
    case "MONTHLY":
      if (byMonthDay) text = `on the ${monthDays} of ${every(interval, "month")}`;
      else if (ordinals.length > 0) text = `on the ${nthDays} of ${every(interval, "month")}`;
      else if (plain.length > 0) {
        if (interval !== 1) return null;
        text = weekdays(plain);
      } else text = every(interval, "month");
      break;
    case "YEARLY": {
      const base = every(interval, "year");
      const single = byMonth?.length === 1 && byMonthDay?.length === 1 && (byMonthDay[0] ?? 0) > 0;
      if (single) text = `${base} on ${byMonthDay?.[0]} ${months(byMonth ?? [])}`;
      else if (byMonthDay) {
        if (!byMonth) return null;
        text = `${base} on the ${monthDays} of ${months(byMonth)}`;
      } else if (ordinals.length > 0) {
        if (!byMonth) return null;
        text = `${base} on the ${nthDays} of ${months(byMonth)}`;
      } else if (plain.length > 0) return null;
      else text = byMonth ? `${base} in ${months(byMonth)}` : base;
      return text;
    }
  }
  return byMonth ? `${text} in ${months(byMonth)}` : text;
}

function untilDay(until: Until, timeZone: string): string {
  const { year, month, day } = until.kind === "date" ? until : wallClock(until.at, timeZone);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** ", 5 times" / " until 31 December 2026": COUNT is what is left of the series (see nextOccurrence). */
function ending(parts: RecurrenceParts, timeZone: string): string {
  if (parts.count !== undefined) return parts.count === 1 ? ", once" : `, ${parts.count} times`;
  if (parts.until) return ` until ${untilDay(parts.until, timeZone)}`;
  return "";
}

/** The library's wording, for the rare rules ours does not cover (BYSETPOS, BYYEARDAY, BYWEEKNO…). */
function libraryWording(parts: RecurrenceParts): string {
  // Midnight DTSTART: the library then adds no time of day (a task's time comes from its due).
  const rule = buildRule({ parts, dtstart: "20000103T000000", timeZone: "UTC" });
  return toText(rule, "en", { excludeTzAbbreviation: true })
    .replace(/ (?:for )?1 times?$/, ", once")
    .replace(/ (?:for )?(\d+) times$/, ", $1 times");
}

const MAX_REMEMBERED = 2000;
const described = new Map<string, string>();

/**
 * A task's rule in plain English for `recurrence_text`: "every weekday", "every 2 weeks on Friday",
 * "on the 1st of every month", "every year on 3 March", "every day, 5 times", "every week until 31
 * December 2026". UNTIL given as a UTC instant is told as its day in `timeZone` (default UTC).
 */
export function describeRecurrence(rule: string, options: { timeZone?: string } = {}): string {
  const timeZone = options.timeZone ?? "UTC";
  const key = `${timeZone} ${rule}`;
  const known = described.get(key);
  if (known !== undefined) return known;
  const { parts } = parseRecurrence(rule);
  checkTimeZone(timeZone);
  const own = ownWording(parts);
  const text = own === null ? libraryWording(parts) : own + ending(parts, timeZone);
  // Every task in a list carries its recurrence_text, and people use few distinct rules: remember them.
  if (described.size >= MAX_REMEMBERED) described.clear();
  described.set(key, text);
  return text;
}
