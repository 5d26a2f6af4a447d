// The `recurrence` field of a task: an RFC 5545 RRULE value (`FREQ=WEEKLY;BYDAY=MO`) or null.
//
// This module checks the rule's grammar and the RFC's rules about which parts go together, so every
// adapter (REST, MCP, the web form) refuses a bad rule with a message naming the problem. It depends on
// zod only (the browser imports it); computing occurrences is @taskflow/core's job, with a library.
//
// What a task rule may hold is narrower than RFC 5545: a task repeats at most daily and keeps the time
// of day of its due, so sub-daily frequencies and BYHOUR/BYMINUTE/BYSECOND are refused, and the series
// starts at the task's due, so DTSTART is not part of the value.

import { z } from "zod";
import { textInput } from "./fields";

export const RECURRENCE_FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One BYDAY entry: a weekday, with an ordinal for "the 2nd Tuesday" (2) or "the last Friday" (-1). */
export interface ByDay {
  weekday: Weekday;
  ordinal?: number;
}

/** An UNTIL value: a calendar day (`YYYYMMDD`, inclusive) or a UTC date-time (`YYYYMMDDTHHMMSSZ`). */
export type Until =
  | { kind: "date"; year: number; month: number; day: number }
  | { kind: "instant"; at: Date };

/** A parsed, checked rule. `rule` is the canonical string (upper case, parts in a fixed order). */
export interface RecurrenceParts {
  freq: RecurrenceFrequency;
  interval: number;
  count?: number;
  until?: Until;
  byMonth?: number[];
  byWeekNo?: number[];
  byYearDay?: number[];
  byMonthDay?: number[];
  byDay?: ByDay[];
  bySetPos?: number[];
  wkst?: Weekday;
}

export type RecurrenceParseResult =
  | { ok: true; rule: string; parts: RecurrenceParts }
  | { ok: false; message: string };

export const MAX_RECURRENCE_LENGTH = 500;
export const MAX_INTERVAL = 1000;
export const MAX_COUNT = 10_000;

const KNOWN_PARTS = [
  "FREQ",
  "INTERVAL",
  "COUNT",
  "UNTIL",
  "BYMONTH",
  "BYWEEKNO",
  "BYYEARDAY",
  "BYMONTHDAY",
  "BYDAY",
  "BYSETPOS",
  "WKST",
] as const;
type PartName = (typeof KNOWN_PARTS)[number];

const TIME_PARTS = ["BYHOUR", "BYMINUTE", "BYSECOND"];
const SUB_DAILY = ["HOURLY", "MINUTELY", "SECONDLY"];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const EXAMPLE = "such as FREQ=WEEKLY;BYDAY=MO";

class RuleError extends Error {}
const fail = (message: string): never => {
  throw new RuleError(message);
};

function integer(name: string, text: string, min: number, max: number, signed: boolean): number {
  const value = Number(text);
  const range = signed ? `${min} to ${max} or -${max} to -${min}` : `${min} to ${max}`;
  if (!/^[+-]?\d{1,6}$/.test(text)) fail(`${name}=${text} is not a whole number (${range})`);
  if (Math.abs(value) < min || Math.abs(value) > max || (!signed && value < 0)) {
    fail(`${name}=${text} is out of range: it must be a whole number from ${range}`);
  }
  return value;
}

function list(name: string, text: string, min: number, max: number, signed = true): number[] {
  return text.split(",").map((item) => integer(name, item, min, max, signed));
}

function weekday(name: string, text: string): Weekday {
  if (!(WEEKDAYS as readonly string[]).includes(text)) {
    fail(`${name}=${text} is not a weekday: use MO, TU, WE, TH, FR, SA or SU`);
  }
  return text as Weekday;
}

function byDayList(text: string): ByDay[] {
  return text.split(",").map((item) => {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    if (!match)
      return fail(`BYDAY=${item} is not a weekday: use MO…SU, optionally with an ordinal (2TU, -1FR)`);
    const day = weekday("BYDAY", match[2] ?? "");
    if (match[1] === undefined) return { weekday: day };
    const ordinal = Number(match[1]);
    if (ordinal === 0 || Math.abs(ordinal) > 53)
      fail(`BYDAY=${item} has an ordinal outside 1 to 53 or -53 to -1`);
    return { weekday: day, ordinal };
  });
}

function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function until(text: string): Until {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text);
  const hint = "it must be a day (20261231) or a UTC time (20261231T170000Z)";
  if (!match) return fail(`UNTIL=${text} is not a date: ${hint}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 9999 || !realDay(year, month, day)) fail(`UNTIL=${text} is not a real date`);
  if (match[4] === undefined) return { kind: "date", year, month, day };
  if (match[7] !== "Z") fail(`UNTIL=${text} has no Z: ${hint}`);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  if (hour > 23 || minute > 59 || second > 59) fail(`UNTIL=${text} is not a real time`);
  return { kind: "instant", at: new Date(Date.UTC(year, month - 1, day, hour, minute, second)) };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export function formatUntil(value: Until): string {
  if (value.kind === "date") return `${pad(value.year, 4)}${pad(value.month)}${pad(value.day)}`;
  return `${value.at.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

const formatByDay = (entry: ByDay) => `${entry.ordinal ?? ""}${entry.weekday}`;

/** The canonical string of checked parts: upper case, INTERVAL=1 left out, parts in a fixed order. */
export function formatRecurrence(parts: RecurrenceParts): string {
  const out = [`FREQ=${parts.freq}`];
  if (parts.interval !== 1) out.push(`INTERVAL=${parts.interval}`);
  if (parts.byMonth) out.push(`BYMONTH=${parts.byMonth.join(",")}`);
  if (parts.byWeekNo) out.push(`BYWEEKNO=${parts.byWeekNo.join(",")}`);
  if (parts.byYearDay) out.push(`BYYEARDAY=${parts.byYearDay.join(",")}`);
  if (parts.byMonthDay) out.push(`BYMONTHDAY=${parts.byMonthDay.join(",")}`);
  if (parts.byDay) out.push(`BYDAY=${parts.byDay.map(formatByDay).join(",")}`);
  if (parts.bySetPos) out.push(`BYSETPOS=${parts.bySetPos.join(",")}`);
  if (parts.wkst) out.push(`WKST=${parts.wkst}`);
  if (parts.count !== undefined) out.push(`COUNT=${parts.count}`);
  if (parts.until) out.push(`UNTIL=${formatUntil(parts.until)}`);
  return out.join(";");
}

function split(text: string): Map<PartName, string> {
  const found = new Map<PartName, string>();
  for (const piece of text.split(";")) {
    if (piece === "") fail("has an empty part: parts are separated by single semicolons");
    const equals = piece.indexOf("=");
    if (equals <= 0) fail(`"${piece}" is not a NAME=VALUE part`);
    const name = piece.slice(0, equals);
    const value = piece.slice(equals + 1);
    if (TIME_PARTS.includes(name)) fail(`${name} is not supported: a task keeps the time of day of its due`);
    if (!(KNOWN_PARTS as readonly string[]).includes(name)) {
      fail(`${name} is not an RRULE part (use ${KNOWN_PARTS.join(", ")})`);
    }
    if (found.has(name as PartName)) fail(`${name} is given twice`);
    if (value === "") fail(`${name} has no value`);
    found.set(name as PartName, value);
  }
  return found;
}

function frequency(value: string | undefined): RecurrenceFrequency {
  if (value === undefined)
    return fail(`has no FREQ: a rule starts with FREQ=DAILY, WEEKLY, MONTHLY or YEARLY`);
  if (SUB_DAILY.includes(value)) {
    fail(`FREQ=${value} is not supported: a task repeats at most daily (DAILY, WEEKLY, MONTHLY or YEARLY)`);
  }
  if (!(RECURRENCE_FREQUENCIES as readonly string[]).includes(value)) {
    fail(`FREQ=${value} is not a frequency: use DAILY, WEEKLY, MONTHLY or YEARLY`);
  }
  return value as RecurrenceFrequency;
}

/** RFC 5545 §3.3.10: which BYxxx parts each frequency allows. */
function checkCombinations(parts: RecurrenceParts): void {
  const { freq } = parts;
  if (parts.count !== undefined && parts.until) fail("has both COUNT and UNTIL: give at most one (RFC 5545)");
  if (parts.byWeekNo && freq !== "YEARLY") fail(`BYWEEKNO needs FREQ=YEARLY, not FREQ=${freq}`);
  if (parts.byYearDay && freq !== "YEARLY") fail(`BYYEARDAY needs FREQ=YEARLY, not FREQ=${freq}`);
  if (parts.byMonthDay && freq === "WEEKLY") fail("BYMONTHDAY cannot be used with FREQ=WEEKLY");
  const ordinals = (parts.byDay ?? []).filter((entry) => entry.ordinal !== undefined);
  if (ordinals.length > 0) {
    const example = formatByDay(ordinals[0] as ByDay);
    if (freq !== "MONTHLY" && freq !== "YEARLY") {
      fail(`BYDAY=${example} (with an ordinal) needs FREQ=MONTHLY or YEARLY, not FREQ=${freq}`);
    }
    if (freq === "YEARLY" && parts.byWeekNo)
      fail(`BYDAY=${example} (with an ordinal) cannot be used with BYWEEKNO`);
    const monthly = freq === "MONTHLY" || (freq === "YEARLY" && parts.byMonth);
    if (monthly && ordinals.some((entry) => Math.abs(entry.ordinal ?? 0) > 5)) {
      fail(
        `BYDAY=${example}: a month has at most 5 of each weekday, so the ordinal must be 1 to 5 or -5 to -1`,
      );
    }
  }
  if (
    parts.bySetPos &&
    !(parts.byDay || parts.byMonthDay || parts.byMonth || parts.byWeekNo || parts.byYearDay)
  ) {
    fail("BYSETPOS needs another BYxxx part to pick from (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1)");
  }
  // A rule that can never happen would leave a task with no next due: refuse the plain cases here (core
  // checks every rule against the engine too).
  if (parts.byMonth && parts.byMonthDay?.every((day) => day > 0)) {
    const longest = Math.max(...parts.byMonth.map((month) => DAYS_IN_MONTH[month - 1] ?? 31));
    if (parts.byMonthDay.every((day) => day > longest)) {
      fail(`BYMONTHDAY=${parts.byMonthDay.join(",")} never falls in BYMONTH=${parts.byMonth.join(",")}`);
    }
  }
}

/**
 * Parses and checks a task's RRULE: case-insensitive, an optional `RRULE:` prefix, parts separated by
 * `;`. Returns the canonical rule and its parts, or a message naming the problem (for `recurrence …`).
 */
export function parseRecurrenceRule(input: string): RecurrenceParseResult {
  try {
    let text = input.trim().toUpperCase();
    if (text === "")
      fail(`must not be empty: give an RRULE ${EXAMPLE}, or null for a task that does not repeat`);
    if (text.length > MAX_RECURRENCE_LENGTH) fail(`must be at most ${MAX_RECURRENCE_LENGTH} characters`);
    if (/DTSTART|[\r\n]/.test(text))
      fail("must be only the RRULE value (FREQ=…): the series starts at the task's due");
    // No RRULE value holds a space; forgive "FREQ=WEEKLY; BYDAY=MO".
    text = text.replace(/\s+/g, "");
    if (text.startsWith("RRULE:")) text = text.slice("RRULE:".length);
    const found = split(text);
    const value = (name: PartName) => found.get(name);
    const parts: RecurrenceParts = { freq: frequency(value("FREQ")), interval: 1 };
    const interval = value("INTERVAL");
    if (interval !== undefined) parts.interval = integer("INTERVAL", interval, 1, MAX_INTERVAL, false);
    const count = value("COUNT");
    if (count !== undefined) parts.count = integer("COUNT", count, 1, MAX_COUNT, false);
    const end = value("UNTIL");
    if (end !== undefined) parts.until = until(end);
    const byMonth = value("BYMONTH");
    if (byMonth !== undefined) parts.byMonth = list("BYMONTH", byMonth, 1, 12, false);
    const byWeekNo = value("BYWEEKNO");
    if (byWeekNo !== undefined) parts.byWeekNo = list("BYWEEKNO", byWeekNo, 1, 53);
    const byYearDay = value("BYYEARDAY");
    if (byYearDay !== undefined) parts.byYearDay = list("BYYEARDAY", byYearDay, 1, 366);
    const byMonthDay = value("BYMONTHDAY");
    if (byMonthDay !== undefined) parts.byMonthDay = list("BYMONTHDAY", byMonthDay, 1, 31);
    const byDay = value("BYDAY");
    if (byDay !== undefined) parts.byDay = byDayList(byDay);
    const bySetPos = value("BYSETPOS");
    if (bySetPos !== undefined) parts.bySetPos = list("BYSETPOS", bySetPos, 1, 366);
    const wkst = value("WKST");
    if (wkst !== undefined) parts.wkst = weekday("WKST", wkst);
    checkCombinations(parts);
    return { ok: true, rule: formatRecurrence(parts), parts };
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The `recurrence` of a create/update body (REST): an RRULE, canonicalised, or null to stop repeating.
 * A bad rule fails with a message naming the problem ("BYMONTHDAY=32 is out of range: …").
 */
export const recurrenceInputSchema = textInput(
  "must be an RRULE string such as FREQ=WEEKLY;BYDAY=MO, or null",
)
  .transform((value, context) => {
    const parsed = parseRecurrenceRule(value);
    if (parsed.ok) return parsed.rule;
    context.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  })
  .nullable()
  .describe(
    "How the task repeats: an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO (DAILY, WEEKLY, MONTHLY or YEARLY; " +
      "the time of day comes from due_at), or null for a task that does not repeat. Needs a due date.",
  );

/** Wire fields of a Task, ready to add to its shape. */
export const recurrenceField = z
  .string()
  .nullable()
  .describe("How the task repeats, as an RFC 5545 RRULE (FREQ=WEEKLY;BYDAY=MO), or null");
export const recurrenceTextField = z
  .string()
  .nullable()
  .describe(
    "The recurrence in plain English ('every 2 weeks on Friday'), read-only; null when it does not repeat",
  );
export const completedCountField = z
  .number()
  .int()
  .min(0)
  .describe("How many times a recurring task has been completed (each completion moves it to the next due)");

/** `taskSchema.extend(recurrenceTaskFields)` adds the three fields to the Task shape. */
export const recurrenceTaskFields = {
  recurrence: recurrenceField,
  recurrence_text: recurrenceTextField,
  completed_count: completedCountField,
};
