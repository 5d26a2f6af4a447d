// English repeat phrases → RRULE, for quick add, chat and MCP ("every 2 weeks on friday").
//
// Pure TypeScript over the grammar in ./recurrence (no engine, no zod), so core, the offline agent and
// the browser share one copy; @taskflow/core/recurrence re-exports it.
//
// A small, explicit grammar: a table of patterns, each turning one way of saying a repeat into rule
// parts. Every pattern is anchored on a repeat word ("every", "each", "daily", "weekly"…), so text
// without one never repeats; when a phrase is malformed ("every year on 31 april") the answer is null,
// never a nearby guess.
//
// The bare adverbs daily/weekly/monthly/yearly/annually/quarterly/fortnightly count only where they
// can only mean a repeat: at the end of the text or of a clause ("pay rent monthly", "yearly"), or
// before on/at/from/until… ("monthly on the 15th", "daily at 9"). Before a noun they are part of a
// title: "daily standup notes" and "weekly review" do not repeat.

import { NUMBER_WORDS } from "./number-words";
import {
  formatRecurrence,
  parseRecurrenceRule,
  type RecurrenceParts,
  WEEKDAYS,
  type Weekday,
} from "./recurrence";

export interface RecurrencePhrase {
  /** The canonical RRULE, e.g. `FREQ=WEEKLY;INTERVAL=2;BYDAY=FR`. */
  rule: string;
  /** The words that said it, as written, so quick add and chat can cut them from a title. */
  text: string;
  start: number;
  end: number;
}

type Groups = Record<string, string | undefined>;
type Build = (groups: Groups) => Omit<RecurrenceParts, "interval"> & { interval?: number };

// ── vocabulary ─────────────────────────────────────────────────────────────────────────────────────
const EVERY = "(?:every|each)";
/** The interval words a repeat reads: "other" (every other week) and two to twelve. */
const INTERVAL_WORDS: Record<string, number> = {
  other: 2,
  ...Object.fromEntries(Object.entries(NUMBER_WORDS).filter(([, n]) => n >= 2 && n <= 12)),
};
const NUM = String.raw`(?<n>\d{1,4}|${Object.keys(INTERVAL_WORDS).join("|")})`;
const DAY =
  "(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?";
const AND = String.raw`(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*&\s*)`;
const DAYS = `(?<days>${DAY}(?:${AND}${DAY})*)`;
const NTH_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 };
const NTH = String.raw`(?<nth>(?:[1-5](?:st|nd|rd|th)|second|2nd)\s+(?:to\s+)?last|[1-5](?:st|nd|rd|th)|first|second|third|fourth|fifth|last)`;
const MONTH_DAY = String.raw`(?:(?:\d{1,2}(?:st|nd|rd|th)?|second|third)\s+(?:to\s+)?last|\d{1,2}(?:st|nd|rd|th)?|first|last)`;
const MONTH_DAYS = String.raw`(?<mdays>${MONTH_DAY}(?:${AND}(?:the\s+)?${MONTH_DAY})*)`;
const MONTHS = [
  "jan(?:uary)?",
  "feb(?:ruary)?",
  "mar(?:ch)?",
  "apr(?:il)?",
  "may",
  "june?",
  "july?",
  "aug(?:ust)?",
  "sep(?:t(?:ember)?)?",
  "oct(?:ober)?",
  "nov(?:ember)?",
  "dec(?:ember)?",
];
const MONTH = `(?<month>${MONTHS.join("|")})`;
const DATE_DAY = String.raw`(?<date>\d{1,2})(?:st|nd|rd|th)?`;
/** "3 march", "3rd of march", "march 3", "march 3rd". */
const DATE = String.raw`(?:the\s+)?(?:${DATE_DAY}\s+(?:of\s+)?${MONTH}|${MONTH.replace("<month>", "<month2>")}\s+${DATE_DAY.replace("<date>", "<date2>")})`;
// Where a bare adverb ("monthly") can only mean a repeat; see the header.
const ADVERB_END = String.raw`(?=\s*$|\s*[.,;:!?)]|\s+(?:on|at|from|starting|until|till|in|by|before|after|for|every)\b)`;
const adverb = (word: string) => `${word}${ADVERB_END}`;

// ── readers ────────────────────────────────────────────────────────────────────────────────────────
const interval = (groups: Groups) => {
  const text = groups.n?.toLowerCase();
  if (text === undefined) return 1;
  return INTERVAL_WORDS[text] ?? Number(text);
};

const weekdayOf = (word: string): Weekday => {
  const prefix = word.slice(0, 2).toUpperCase();
  return WEEKDAYS.find((day) => day === prefix) ?? "MO";
};

/** "monday, wed & fridays" → MO, WE, FR in week order. */
function weekdays(text: string | undefined): Weekday[] {
  const found = new Set(
    (text ?? "")
      .split(/\s*(?:,|&|\band\b)\s*/i)
      .filter(Boolean)
      .map(weekdayOf),
  );
  return WEEKDAYS.filter((day) => found.has(day));
}

const byDay = (days: Weekday[]) => days.map((weekday) => ({ weekday }));

/** "1st", "15", "last", "2nd to last" → 1, 15, -1, -2. */
function monthDay(text: string): number {
  const word = text.toLowerCase().replace(/^the\s+/, "");
  const toLast = /^(\S+)\s+(?:to\s+)?last$/.exec(word);
  if (toLast) return -monthDay(toLast[1] ?? "");
  return NTH_WORDS[word] ?? Number.parseInt(word, 10);
}

function monthDays(text: string | undefined): number[] {
  const items = (text ?? "")
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .filter(Boolean)
    .map(monthDay);
  return [...new Set(items)].sort((a, b) => (a < 0 ? 100 - a : a) - (b < 0 ? 100 - b : b));
}

const monthOf = (word: string | undefined) =>
  MONTHS.findIndex((pattern) => new RegExp(`^(?:${pattern})$`, "i").test(word ?? "")) + 1;

const nth = (groups: Groups) => monthDay(groups.nth ?? "");

/** "the last weekday" is BYSETPOS over Monday–Friday; "the 2nd tuesday" is an ordinal BYDAY. */
function nthWeekday(groups: Groups): Pick<RecurrenceParts, "byDay" | "bySetPos"> {
  if (/^weekday$/i.test(groups.wd ?? ""))
    return { byDay: byDay(WEEKDAYS.slice(0, 5)), bySetPos: [nth(groups)] };
  return { byDay: [{ weekday: weekdayOf(groups.wd ?? ""), ordinal: nth(groups) }] };
}

function yearDate(groups: Groups): Pick<RecurrenceParts, "byMonth" | "byMonthDay"> {
  const month = monthOf(groups.month ?? groups.month2);
  const day = Number(groups.date ?? groups.date2);
  return { byMonth: [month], byMonthDay: [day] };
}

// ── the table ──────────────────────────────────────────────────────────────────────────────────────
const WORKDAYS = byDay(WEEKDAYS.slice(0, 5));
const WEEKEND = byDay(["SA", "SU"]);
const NTH_DAY = String.raw`${NTH}\s+(?<wd>${DAY}|weekday)`;

const PATTERNS: Array<[string, Build]> = [
  // days
  [String.raw`${EVERY}\s+(?:single\s+)?day|${adverb("daily")}`, () => ({ freq: "DAILY" })],
  [String.raw`every\s+${NUM}\s+days?`, (g) => ({ freq: "DAILY", interval: interval(g) })],
  // weeks
  [
    String.raw`${EVERY}\s+(?:week|work|business)\s*day|on\s+weekdays|${adverb("weekdays")}`,
    () => ({ freq: "WEEKLY", byDay: WORKDAYS }),
  ],
  [String.raw`${EVERY}\s+weekend(?:\s+day)?|on\s+weekends`, () => ({ freq: "WEEKLY", byDay: WEEKEND })],
  [
    String.raw`(?:${EVERY}\s+week|${adverb("weekly")})(?:\s+on\s+${DAYS})?`,
    (g) => ({ freq: "WEEKLY", byDay: g.days ? byDay(weekdays(g.days)) : undefined }),
  ],
  [
    String.raw`every\s+${NUM}\s+weeks?(?:\s+on\s+${DAYS})?`,
    (g) => ({ freq: "WEEKLY", interval: interval(g), byDay: g.days ? byDay(weekdays(g.days)) : undefined }),
  ],
  [String.raw`every\s+fortnight|${adverb("fortnightly")}`, () => ({ freq: "WEEKLY", interval: 2 })],
  [
    String.raw`${EVERY}\s+(?:${NUM}\s+)?${DAYS}`,
    (g) => ({ freq: "WEEKLY", interval: interval(g), byDay: byDay(weekdays(g.days)) }),
  ],
  // months
  [
    String.raw`(?:${EVERY}\s+month|${adverb("monthly")})(?:\s+on\s+the\s+${MONTH_DAYS}(?:\s+days?)?)?`,
    (g) => ({ freq: "MONTHLY", byMonthDay: g.mdays ? monthDays(g.mdays) : undefined }),
  ],
  [
    String.raw`every\s+${NUM}\s+months?(?:\s+on\s+the\s+${MONTH_DAYS}(?:\s+days?)?)?`,
    (g) => ({ freq: "MONTHLY", interval: interval(g), byMonthDay: g.mdays ? monthDays(g.mdays) : undefined }),
  ],
  [String.raw`every\s+quarter|${adverb("quarterly")}`, () => ({ freq: "MONTHLY", interval: 3 })],
  [
    String.raw`(?:on\s+)?the\s+${MONTH_DAYS}(?:\s+days?)?\s+of\s+${EVERY}\s+(?:${NUM}\s+)?months?`,
    (g) => ({ freq: "MONTHLY", interval: interval(g), byMonthDay: monthDays(g.mdays) }),
  ],
  [
    String.raw`(?:on\s+)?the\s+${NTH_DAY}\s+of\s+${EVERY}\s+(?:${NUM}\s+)?months?`,
    (g) => ({ freq: "MONTHLY", interval: interval(g), ...nthWeekday(g) }),
  ],
  [
    String.raw`${EVERY}\s+${NTH_DAY}\s+(?:of|in)\s+(?:the|every|each)\s+month`,
    (g) => ({ freq: "MONTHLY", ...nthWeekday(g) }),
  ],
  [
    String.raw`(?:${EVERY}\s+month|${adverb("monthly")})\s+on\s+the\s+${NTH_DAY}`,
    (g) => ({ freq: "MONTHLY", ...nthWeekday(g) }),
  ],
  // years
  [
    String.raw`(?:${EVERY}\s+year|${adverb("yearly")}|${adverb("annually")})(?:\s+on\s+${DATE})?`,
    (g) => ({ freq: "YEARLY", ...(g.month || g.month2 ? yearDate(g) : {}) }),
  ],
  [
    String.raw`every\s+${NUM}\s+years?(?:\s+on\s+${DATE})?`,
    (g) => ({ freq: "YEARLY", interval: interval(g), ...(g.month || g.month2 ? yearDate(g) : {}) }),
  ],
  [String.raw`${EVERY}\s+${DATE}`, (g) => ({ freq: "YEARLY", ...yearDate(g) })],
  [
    String.raw`(?:${EVERY}\s+year|${adverb("yearly")}|${adverb("annually")})\s+on\s+the\s+${NTH}\s+(?<wd>${DAY})\s+(?:of|in)\s+${MONTH}`,
    (g) => ({
      freq: "YEARLY",
      byMonth: [monthOf(g.month)],
      byDay: [{ weekday: weekdayOf(g.wd ?? ""), ordinal: nth(g) }],
    }),
  ],
];

const COMPILED = PATTERNS.map(([source, build]) => ({
  regex: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${source})(?![\p{L}\p{N}])`, "giu"),
  build,
}));

/**
 * Finds the repeat phrase in a text ("water the plants every saturday at 9" → `FREQ=WEEKLY;BYDAY=SA`,
 * text "every saturday"). The longest phrase wins; null when there is none, or when the longest is
 * not a rule that can happen ("every year on 31 april", "every 0 days").
 */
export function parseRecurrencePhrase(input: string): RecurrencePhrase | null {
  let best: { start: number; end: number; parts: RecurrenceParts } | null = null;
  for (const { regex, build } of COMPILED) {
    for (const match of input.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      const longer = !best || end - start > best.end - best.start;
      const sameButEarlier = best && end - start === best.end - best.start && start < best.start;
      if (longer || sameButEarlier) {
        const built = build(match.groups ?? {});
        best = { start, end, parts: { ...built, interval: built.interval ?? 1 } };
      }
    }
  }
  if (!best) return null;
  const { parts } = best;
  // Garbage in a number ("every 0 days", "on the 32nd") or an impossible date: the contracts' checks say no.
  if (parts.byMonth?.includes(0) || [parts.interval, ...(parts.byMonthDay ?? [])].some(Number.isNaN))
    return null;
  const parsed = parseRecurrenceRule(formatRecurrence(parts));
  if (!parsed.ok) return null;
  if (parts.byMonth?.length === 1 && parts.byMonthDay?.length === 1) {
    const [month, day] = [parts.byMonth[0] ?? 1, parts.byMonthDay[0] ?? 1];
    // 29 February happens in leap years; 31 April never does.
    if (day > new Date(Date.UTC(2000, month, 0)).getUTCDate()) return null;
  }
  return { rule: parsed.rule, text: input.slice(best.start, best.end), start: best.start, end: best.end };
}
