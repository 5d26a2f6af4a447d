import { parseRecurrencePhrase } from "@taskflow/contracts/recurrence-phrase";

/**
 * Requests the offline assistant cannot carry out, recognised so they never become a task titled with
 * the whole sentence: repeating tasks, dates that do not exist, and app operations it has no tool for.
 */
const RECURRENCE =
  /\b(?:every\s+(?:single\s+)?(?:other\s+)?(?:day|night|morning|evening|afternoon|week(?:day|end)?s?|month|year|quarter|\d+|two|three|four|few|couple|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|each\s+(?:day|week|month|year|morning|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:daily|nightly|weekly|monthly|yearly|annually|fortnightly|biweekly)(?=\s*(?:$|[,.;!#]|(?:on|at|from|until|starting|basis|please)\b))|on\s+(?:weekdays|weekends)|of\s+(?:every|each)\s+month|(?:once|twice)\s+a\s+(?:day|week|month|year))\b/i;

/**
 * A repeat the phrase grammar does not read ("every morning", "twice a day", "biweekly"): said so, rather
 * than a task titled with it. Repeats it reads are planned (plan-add.ts). "daily"/"monthly" count only as
 * adverbs ("water the plants daily"), not before a noun ("monthly report").
 */
export function recurrenceReply(text: string): string | undefined {
  if (parseRecurrencePhrase(text) !== null) return undefined;
  const m = RECURRENCE.exec(text);
  if (m === null) return undefined;
  return `I can't read “${m[0]}” as a repeat, so I added nothing. A task repeats at most daily: say it like “every day”, “every weekday at 9”, “every 2 weeks on friday” or “on the 1st of every month”.`;
}

const MONTH_DAYS: Record<string, [string, number]> = {
  jan: ["January", 31],
  feb: ["February", 29],
  mar: ["March", 31],
  apr: ["April", 30],
  may: ["May", 31],
  jun: ["June", 30],
  jul: ["July", 31],
  aug: ["August", 31],
  sep: ["September", 30],
  oct: ["October", 31],
  nov: ["November", 30],
  dec: ["December", 31],
};
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const MONTH_THEN_DAY = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,3})(?:st|nd|rd|th)?\\b`, "gi");
const DAY_THEN_MONTH = new RegExp(`\\b(\\d{1,3})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, "gi");
const ORDINAL_DAY = /\bthe\s+(\d{1,3})(?:st|nd|rd|th)\b/gi;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** "feb 30", "31 april", "the 32nd", "2026-02-30": a date that does not exist, named as the user said it. */
export function impossibleDate(text: string): string | undefined {
  for (const re of [MONTH_THEN_DAY, DAY_THEN_MONTH]) {
    for (const m of text.matchAll(re)) {
      const [monthWord, dayWord] = re === MONTH_THEN_DAY ? [m[1], m[2]] : [m[2], m[1]];
      const month = MONTH_DAYS[(monthWord ?? "").slice(0, 3).toLowerCase()];
      const day = Number(dayWord);
      // "may 2027" is a year, not a day.
      if (month === undefined || dayWord === undefined || dayWord.length > 2) continue;
      if (day < 1 || day > month[1])
        return `There is no ${month[0]} ${day}: ${month[0]} has ${month[1] === 29 ? "28 days (29 in a leap year)" : `${month[1]} days`}.`;
    }
  }
  for (const m of text.matchAll(ORDINAL_DAY)) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return `There is no “${m[0]}” day of a month: months have at most 31 days.`;
  }
  for (const m of text.matchAll(ISO_DAY)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
    if (days === undefined || d < 1 || d > days) return `There is no date ${m[0]}.`;
  }
  return undefined;
}

/** App operations with no tool behind them; "snooze the bill" is not a task called "snooze the bill". */
const UNSUPPORTED_VERB =
  /^(snooze|archive|unarchive|pin|unpin|star|unstar|favou?rite|duplicate|clone|share|assign|delegate|reassign|export|import|sync|merge|hide|unhide|mute|sort|group|attach|upload|invite)\b/i;

export function unsupportedVerbReply(text: string): string | undefined {
  const m = UNSUPPORTED_VERB.exec(text);
  if (m?.[1] === undefined) return undefined;
  return `I can't ${m[1].toLowerCase()} tasks, so nothing was changed. I can add, list, complete, reopen, rename, reschedule, tag, prioritise and delete them: say “help” for examples.`;
}
