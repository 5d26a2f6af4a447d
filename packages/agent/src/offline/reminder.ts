/**
 * Reminders said with a task: "…, remind me at 8:30", "remind me 30 min before", "with a reminder an hour
 * before", "remind me tomorrow at 8". The reminder is a wall time in the user's zone
 * (`YYYY-MM-DDTHH:MM`, which the tools read there), like a due; one relative to the due is counted back
 * from the due's wall time.
 */
import { countWord, type DateContext, findDate } from "./dates.js";
import { PLEASE } from "./lexicon.js";
import { tidy } from "./normalise.js";

/** What a reminder clause said: a time (on the due's day), a day and time, or an offset before the due. */
export type ReminderSaid =
  | { kind: "before"; minutes: number }
  | { kind: "at"; wall: string; timeOnly: boolean }
  | { kind: "no-time" };

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10_080 };
const AMOUNT = String.raw`(?<n>\d{1,3}|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty[\s-]five|half\s+an?|a\s+half)`;
const UNIT = String.raw`(?<unit>min(?:ute)?s?|mins?|hours?|hrs?|h|days?|weeks?)`;
const BEFORE = new RegExp(String.raw`^${AMOUNT}\s*${UNIT}\s+(?:before|ahead|early|earlier|prior)\b`, "i");

/** The words that open a reminder clause; not "remind me to …", which is the task itself. */
const CLAUSE = new RegExp(
  String.raw`(?:^|\s*[,;]\s*|\s+)(?:and\s+|then\s+|also\s+)?(?:(?:${PLEASE})\s+)?(?:remind\s+me|(?:with\s+|and\s+)?(?:set\s+)?an?\s+reminder|reminder)\s+(?!to\b|about\b|of\b|that\b)(?<when>.+)$`,
  "i",
);

const EXTRA_MINUTES: Record<string, number> = {
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  "forty five": 45,
  "forty-five": 45,
};

function minutesBefore(text: string): number | undefined {
  const m = BEFORE.exec(text);
  if (m?.groups === undefined) return undefined;
  const word = (m.groups.n ?? "").toLowerCase().replace(/\s+/g, " ");
  const unit = UNIT_MINUTES[(m.groups.unit ?? "m").slice(0, 1).toLowerCase()] ?? 1;
  if (/^half/.test(word)) return unit / 2;
  if (word === "a half") return undefined;
  const n = EXTRA_MINUTES[word] ?? countWord(word);
  return n === undefined || n <= 0 ? undefined : n * unit;
}

/** Reads the words after "remind me" ("at 8:30", "30 min before", "tomorrow at 8"); undefined when unsure. */
export function readReminder(when: string, ctx: DateContext): ReminderSaid | undefined {
  const text = tidy(when.replace(new RegExp(String.raw`\b(?:${PLEASE})\b|[.!]+$`, "gi"), " "));
  const minutes = minutesBefore(text);
  if (
    minutes !== undefined &&
    tidy(text.replace(BEFORE, ""))
      .replace(/^(?:the\s+)?(?:due|it|that|then|time)\b/i, "")
      .trim() === ""
  )
    return { kind: "before", minutes };
  if (/^(?:at\s+(?:the\s+)?(?:due\s+)?time|when\s+it'?s\s+due|on\s+time)$/i.test(text))
    return { kind: "before", minutes: 0 };
  const date = findDate(text, ctx);
  if (date === undefined) return undefined;
  const leftover = tidy(`${text.slice(0, date.index)} ${text.slice(date.index + date.text.length)}`).replace(
    /^(?:at|on|by)\b\s*/i,
    "",
  );
  if (leftover.length > 0) return undefined;
  if (date.due.length <= 10) return { kind: "no-time" };
  return { kind: "at", wall: date.due, timeOnly: date.timeOnly };
}

/** A reminder clause at the end of a text, and the text without it. */
export function findReminderClause(
  text: string,
  ctx: DateContext,
): { said: ReminderSaid; rest: string } | undefined {
  const m = CLAUSE.exec(text);
  const when = m?.groups?.when;
  if (m === null || when === undefined || m.index === 0) return undefined;
  const said = readReminder(when, ctx);
  return said === undefined ? undefined : { said, rest: text.slice(0, m.index) };
}

/** ", remind me at 8:30": a clause that only details the task before it (plan-several must not split it). */
export function isReminderDetail(part: string, ctx: DateContext): boolean {
  const m = CLAUSE.exec(` ${part}`);
  return m?.groups?.when !== undefined && readReminder(m.groups.when, ctx) !== undefined;
}

/** `YYYY-MM-DDTHH:MM` moved back by some minutes, as a wall time. */
export function wallMinus(wall: string, minutes: number): string {
  return new Date(Date.parse(`${wall}:00Z`) - minutes * 60_000).toISOString().slice(0, 16);
}

/** The reminder's wall time for a due (`YYYY-MM-DD` or a wall time), or why there is none. */
export function reminderFor(
  said: ReminderSaid,
  due: string | undefined,
): { remind_at: string } | { reply: string } {
  if (said.kind === "no-time")
    return {
      reply: "What time should I remind you? For example “remind me at 8:30” or “remind me 30 min before”.",
    };
  if (said.kind === "before") {
    if (due === undefined || due.length <= 10)
      return {
        reply:
          "A reminder before the task needs a due time: say when it is due, like “… friday at 9, remind me 30 min before”, or give the reminder's own time.",
      };
    return { remind_at: wallMinus(due, said.minutes) };
  }
  if (!said.timeOnly) return { remind_at: said.wall };
  const time = said.wall.slice(11, 16);
  // "remind me at 8:30": on the due's day; without a due, the next 8:30 (the date reader looks forward).
  return { remind_at: due === undefined ? said.wall : `${due.slice(0, 10)}T${time}` };
}
