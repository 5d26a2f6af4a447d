import { NUMBER_WORDS } from "@taskflow/contracts/number-words";
import * as chrono from "chrono-node";
import { wallClock } from "./clock.js";
import { PLEASE } from "./lexicon.js";
import { tidy } from "./normalise.js";

export interface DateContext {
  now: Date;
  timeZone?: string;
}

export interface FoundDate {
  index: number;
  text: string;
  /** Local calendar day in the user's zone, YYYY-MM-DD. */
  day: string;
  /** What goes into a `due` argument: the day, or the wall time `YYYY-MM-DDTHH:MM` when a time was said. */
  due: string;
  /** Only a time of day was said ("at 9"): the day is today's, not the user's. */
  timeOnly: boolean;
}

const DAY_MS = 86_400_000;

/** The local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(instant: Date, ctx: DateContext): string {
  return wallClock(instant, ctx.timeZone).day;
}

export function addDays(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Counts in relative dates: "in two days", "a couple of weeks". */
const COUNT_WORDS: Record<string, number> = { ...NUMBER_WORDS, a: 1, an: 1, couple: 2, few: 3 };

export function countWord(word: string): number | undefined {
  const w = word.toLowerCase();
  return /^\d+$/.test(w) ? Number(w) : COUNT_WORDS[w];
}

function lastDayOfMonth(day: string): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

const ORDINAL_DAYS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** The next date (today included) falling on a day of the month, if that month has it. */
function dayOfMonthOnOrAfter(dom: number, today: string): string | undefined {
  if (dom < 1 || dom > 31) return undefined;
  const [y, mo, d] = today.split("-").map(Number) as [number, number, number];
  const month = dom >= d ? mo - 1 : mo;
  const candidate = new Date(Date.UTC(y, month, dom));
  return candidate.getUTCDate() === dom ? candidate.toISOString().slice(0, 10) : undefined;
}

interface CustomRule {
  re: RegExp;
  day: (m: RegExpExecArray, today: string) => string | undefined;
}

/** Phrases chrono misses or reads differently from how people mean them in a todo list. */
const CUSTOM_RULES: readonly CustomRule[] = [
  { re: /\b(?:the\s+)?day\s+after\s+tomorrow\b/i, day: (_m, today) => addDays(today, 2) },
  // Chat spellings chrono does not know.
  {
    re: /(?<![\w-])(?:2moro|2morrow|2morow|2mrw|tmrw|tmrow|tmr|tmw|tomoz|tomorow|tommorow|tommorrow)\b/i,
    day: (_m, today) => addDays(today, 1),
  },
  { re: /(?<![\w-])(?:tonite|2nite|2night)\b/i, day: (_m, today) => today },
  {
    re: /\b(?:(?:by|before|at)\s+)?(?:the\s+)?(?:eod|cob|end\s+of\s+(?:the\s+)?(?:day|today))\b/i,
    day: (_m, t) => t,
  },
  {
    re: /\b(?:(?:by|before|at)\s+)?(?:the\s+)?(?:eow|end\s+of\s+(?:the\s+|this\s+)?(?:work\s*)?week)\b/i,
    day: (_m, today) => addDays(today, Math.max(0, 4 - weekdayIndex(today))),
  },
  {
    re: /\b(?:(?:by|before|at)\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month\b/i,
    day: (_m, today) => lastDayOfMonth(today),
  },
  {
    re: /\b(?:a|one|1)\s+week\s+from\s+(?:today|now)\b/i,
    day: (_m, today) => addDays(today, 7),
  },
  {
    // "on the first": spelled-out days need a connector, or "the first one" would be a date.
    re: /\b(?:on|by|before|until|due)\s+the\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?!\s+(?:one|task|item|of\s+(?!(?:the\s+)?(?:next\s+)?month)))(?:\s+of\s+(?:the\s+)?(?:next\s+)?month)?/i,
    day: (m, today) => dayOfMonthOnOrAfter(ORDINAL_DAYS[(m[1] ?? "").toLowerCase()] ?? 0, today),
  },
  {
    re: /\b(?:on\s+|by\s+|before\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z]{3})/i,
    day: (m, today) => dayOfMonthOnOrAfter(Number(m[1]), today),
  },
];

/** Single words chrono reads as dates but that are usually ordinary words in a task title. */
const FALSE_FRIENDS = /^(?:may|march|sun|sat|second|now|the week|a week|mon|wed|the day)$/i;

const BARE_WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?$|^(?:wednesday|tuesday|thursday|saturday)$/i;
const DETERMINER_BEFORE = /\b(?:the|a|an|my|our|your|their|his|her|for|about)\s+$/i;
/** Words that may follow a weekday that is a date ("friday at 3", "monday morning"). */
const DATE_CONTINUES = new RegExp(
  `^\\s+(?:at|by|before|after|and|or|but|to|for|with|about|in|on|of|from|until|till|morning|afternoon|evening|night|noon|midnight|next|this|${PLEASE}|so|then|if|because|as|is|the|i|we|you)\\b`,
  "i",
);

/**
 * "the Monday meeting", "Friday's retro", "slides for Monday standup": a weekday that
 * describes a noun is part of the title, not a due date.
 */
function isWeekdayAttribute(text: string, index: number, found: string): boolean {
  if (!BARE_WEEKDAY.test(found.trim())) return false;
  const after = text.slice(index + found.length);
  if (/^'s\b/i.test(after)) return true;
  return (
    DETERMINER_BEFORE.test(text.slice(0, index)) && /^\s+[a-z]/i.test(after) && !DATE_CONTINUES.test(after)
  );
}

/**
 * Weekday abbreviations chrono does not know ("Tues", "Weds"), respelled as ones it does
 * ("tue.", "wed.") at the same length, so every index still points into the user's text.
 */
function chronoSpelling(text: string): string {
  return text.replace(/\b(tue|wed)s\b/gi, "$1.");
}

/**
 * Recent answers of `findDate`. One turn asks about the same text several times (each stage checks for a
 * date) and the agent plans a turn twice; chrono is the costliest step, so each text is read once.
 */
const recent = new Map<string, FoundDate | undefined>();
const RECENT_LIMIT = 128;

export function findDate(text: string, ctx: DateContext): FoundDate | undefined {
  const key = `${ctx.now.getTime()}|${ctx.timeZone ?? ""}|${text}`;
  if (recent.has(key)) return recent.get(key);
  const found = readDate(text, ctx);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value ?? "");
  recent.set(key, found);
  return found;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * chrono reads against the user's wall clock written as if it were UTC (offset 0), and its answer's
 * components are read back as wall-clock fields: "tomorrow at 10am" is 10:00 on the user's next day
 * whatever the zone or a daylight-saving change in between, and the api applies the zone.
 */
function wallReference(ctx: DateContext): { instant: Date; timezone: number } {
  const { day, time } = wallClock(ctx.now, ctx.timeZone);
  return { instant: new Date(`${day}T${time}:00Z`), timezone: 0 };
}

function readDate(text: string, ctx: DateContext): FoundDate | undefined {
  const today = localDay(ctx.now, ctx);
  for (const rule of CUSTOM_RULES) {
    const m = rule.re.exec(text);
    const day = m === null ? undefined : rule.day(m, today);
    if (m !== null && day !== undefined) {
      return { index: m.index, text: m[0], day, due: day, timeOnly: false };
    }
  }
  const results = chrono.parse(chronoSpelling(text), wallReference(ctx), { forwardDate: true });
  for (const r of results) {
    // The same span of the user's own words ("Tues", not the respelled "tue.").
    const said = text.slice(r.index, r.index + r.text.length);
    // "every morning" is a recurrence we cannot store, not a due date.
    if (FALSE_FRIENDS.test(said.trim()) || /\bevery\s*$/i.test(text.slice(0, r.index))) continue;
    if (isWeekdayAttribute(text, r.index, said)) continue;
    const day = `${r.start.get("year")}-${pad(r.start.get("month") ?? 1)}-${pad(r.start.get("day") ?? 1)}`;
    const due = r.start.isCertain("hour")
      ? `${day}T${pad(r.start.get("hour") ?? 0)}:${pad(r.start.get("minute") ?? 0)}`
      : day;
    const timeOnly =
      r.start.isCertain("hour") &&
      !r.start.isCertain("day") &&
      !r.start.isCertain("weekday") &&
      !r.start.isCertain("month");
    return { index: r.index, text: said, day, due, timeOnly };
  }
  return undefined;
}

const CONNECTOR_BEFORE =
  /(?:\b(?:due|by|before|until|till|til|on|at|for|deadline|no\s+later\s+than|is|of|the|this\s+coming|coming|later|sometime|some\s+time|starting|beginning)\b[\s:]*)+$/i;

/** Removes the date phrase and the connector word that introduced it ("by", "due", "on"). */
export function removeDate(text: string, found: FoundDate): string {
  const before = text.slice(0, found.index).replace(CONNECTOR_BEFORE, "");
  const after = text.slice(found.index + found.text.length);
  return tidy(`${before} ${after}`);
}
