import { TITLE_MAX_LENGTH } from "@taskflow/contracts";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { wallClock } from "./clock.js";
import { findDate, removeDate } from "./dates.js";
import { PLEASE, TASK_VERB } from "./lexicon.js";
import { firstQuote, hasQuote, restoreQuotes, tidy } from "./normalise.js";
import { extractPriority } from "./priority.js";
import { findReminderClause, type ReminderSaid, reminderFor } from "./reminder.js";
import { type FoundRepeat, findRepeat, firstRepeatDay, withoutRepeat } from "./repeat.js";
import { extractTags } from "./tags.js";
import type { OfflinePlan, TurnContext } from "./types.js";
import { recurrenceReply } from "./unclear.js";

const THING = "(?:task|todo|to-do|to\\s+do|item|reminder|entry|note|one)";
/** Openings that announce a new task; removed from the title. Longest first. */
const ADD_OPENINGS: readonly RegExp[] = [
  /^(?:can\s+you\s+|could\s+you\s+|please\s+)?remind\s+me\s+(?:to|that\s+i\s+(?:need|have)\s+to|about|of|i\s+(?:need|have)\s+to)?\s*/i,
  /^(?:don't|do\s+not|dont)\s+(?:let\s+me\s+)?forget\s+(?:to|about)?\s*/i,
  /^(?:remember|make\s+sure)\s+(?:to|that\s+i|i)?\s*/i,
  /^note\s+to\s+self\s*:?\s*/i,
  /^add\s+(?:this\s+|these\s+)?(?:to|on|onto)\s+(?:my\s+|the\s+)?(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks)\s*:?\s*/i,
  new RegExp(
    `^(?:add|create|new|insert|jot\\s+down|write\\s+down|note\\s+down|log)\\b\\s*:?\\s*(?:me\\s+)?(?:(?:a|an|another|one\\s+more)\\s+)?(?:new\\s+)?(?:${THING}s?\\b)?\\s*(?:(?:called|named|titled|for|to|that\\s+says|saying|about)\\b)?\\s*:?\\s*`,
    "i",
  ),
  new RegExp(
    `^(?:make|set(?:\\s+up)?|put|create|schedule|save)\\s+(?:me\\s+)?(?:a|an|another)\\s+(?:new\\s+)?${THING}\\s*(?:(?:called|named|titled|for|to|that\\s+says|saying|about)\\b)?\\s*:?\\s*`,
    "i",
  ),
  /^(?:put|stick|pop|throw|chuck|whack|slap)\s+(?=.+\s+(?:on|in|onto)\s+(?:my|the)\s+(?:[\w-]+\s+){0,3}list\b)/i,
  new RegExp(`^(?:new\\s+)?${THING}\\s*:\\s*`, "i"),
  /^(?:todo|to-do)\s+(?!\d|list\b|lists\b)/i,
  /^(?:i|we)\s+(?:really\s+)?(?:need|have|got|gotta|must|should|ought|want|'ve\s+got|have\s+got|'ll\s+need|will\s+need|would\s+like)\s*(?:to)?\s+(?:(?:really|definitely|probably|also|still|actually)\s+)*/i,
  /^(?:i'd\s+like|i\s+would\s+like|i'll\s+need|i\s+will\s+need|i'm\s+going|i\s+am\s+going|i\s+gotta|gotta|need\s+to|have\s+to|must|should)\s*(?:to)?\s+/i,
];

const SCHEDULE_OPENING = /^schedule\s+(?:(?:a|an)\s+)?(?=\S)/i;

const LIST_TAIL =
  /\s+(?:to|on|onto|in|into)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|to\s+do\s+|task\s+|shopping\s+)?(?:list|tasks|todos|agenda)\b|\s+to\s+do$|\s+as\s+a\s+(?:new\s+)?(?:task|todo)$/i;

export function isAddOpening(text: string): boolean {
  return ADD_OPENINGS.some((re) => {
    const m = re.exec(text);
    return m !== null && m[0].trim().length > 0 && text.slice(m[0].length).trim().length > 0;
  });
}

/** The words of a new task after its opening ("add", "remind me to", "put … on the list"). */
export function stripOpening(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    const re = ADD_OPENINGS.find((r) => {
      const m = r.exec(out);
      return m !== null && m[0].trim().length > 0 && out.slice(m[0].length).trim().length > 0;
    });
    if (re === undefined) break;
    out = out.replace(re, "");
  }
  return out;
}

/** Marks that only a quick add uses: "#errands", "!high", "p1". */
const QUICK_ADD_MARK = /(?:^|\s)(?:#[\p{L}_][\p{L}\p{N}_-]*|!(?:high|medium|low|urgent)\b|p[1-3]\b)/iu;

/**
 * Only a clear add becomes a task: an add opening or a task verb ("call mom"), possibly after a leading
 * date ("tomorrow remind me to …"), a quoted title, or quick-add marks. A date alone is not enough:
 * "snooze the electricity bill to tomorrow" is a request we cannot do, not a task to create.
 */
export function isClearAdd(text: string, ctx: TurnContext): boolean {
  const date = findDate(text, ctx);
  const rest = date !== undefined && date.index === 0 ? removeDate(text, date) : text;
  return (
    TASK_VERB.test(text) ||
    (rest !== text && (isAddOpening(rest) || TASK_VERB.test(rest))) ||
    hasQuote(text) ||
    QUICK_ADD_MARK.test(text)
  );
}

const TRAILING_GLUE = new RegExp(
  `(?:\\s+|^)(?:and|with|,|-|to|${PLEASE}|for|due|by|on|at|which\\s+is|it's|it\\s+is|that\\s+is|as)$`,
  "i",
);

export function planAdd(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan {
  let work = text;
  const args: Record<string, unknown> = {};

  const tagged = extractTags(work);
  work = tagged.rest;
  const priority = extractPriority(work);
  if (priority !== undefined) {
    args.priority = priority.priority;
    work = priority.rest;
  }
  // ", remind me at 8:30" / "remind me 30 min before": the reminder's own words, never the due's.
  const reminderClause = findReminderClause(work, ctx);
  if (reminderClause !== undefined) work = reminderClause.rest;
  // "every saturday at 9": the repeat's words go first, so "at 9" is left for the date reader.
  const repeat = findRepeat(work);
  if (repeat !== undefined) work = withoutRepeat(work, repeat);
  const date = findDate(work, ctx);
  if (date !== undefined) {
    args.due = date.due;
    // "schedule dentist checkup for tuesday": the due date carries the scheduling.
    work = removeDate(work, date).replace(SCHEDULE_OPENING, "");
  }
  if (repeat !== undefined) {
    const due = repeatDue(repeat, date, ctx);
    if (due === undefined) return { kind: "reply", reply: whichDayReply(repeat.text) };
    args.due = due;
    args.recurrence = repeat.rule;
  }
  const said: ReminderSaid | undefined =
    reminderClause?.said ??
    (REMINDER_OPENING.test(text) && typeof args.due === "string" && args.due.length > 10
      ? { kind: "before", minutes: 0 }
      : undefined);
  if (said !== undefined) {
    const reminder = reminderFor(said, typeof args.due === "string" ? args.due : undefined);
    if ("reply" in reminder) return { kind: "reply", reply: reminder.reply };
    args.remind_at = reminder.remind_at;
  }
  work = stripOpening(tidy(work)).replace(LIST_TAIL, " ");
  const quote = firstQuote(work, quotes);
  let title: string;
  let description: string | undefined;
  if (quote !== undefined) {
    title = quote.quote;
    const leftover = tidy(quote.rest.replace(/^(?:task|todo|called|named|titled)\b/i, ""));
    const desc = /^(?:with\s+)?(?:description|desc|notes?|details)\s*:?\s*(.+)$/i.exec(leftover);
    if (desc?.[1] !== undefined) description = desc[1];
  } else {
    const desc =
      /\s+(?:with\s+(?:the\s+)?(?:description|desc|notes?|details)|(?:description|desc|notes?|details)\s*:)\s*(.+)$/i.exec(
        work,
      );
    if (desc?.[1] !== undefined) {
      description = desc[1];
      work = work.slice(0, desc.index);
    }
    title = stripOpening(tidy(work));
    for (let i = 0; i < 3 && TRAILING_GLUE.test(title); i++) title = tidy(title.replace(TRAILING_GLUE, ""));
    title = restoreQuotes(title, quotes);
  }
  if (title.length === 0) {
    return { kind: "reply", reply: "What should the task be called? For example: “add buy milk tomorrow”." };
  }
  const result: Record<string, unknown> = { title: title.slice(0, TITLE_MAX_LENGTH) };
  if (description !== undefined) result.description = restoreQuotes(tidy(description), quotes);
  if (args.priority !== undefined) result.priority = args.priority;
  if (tagged.tags.length > 0) result.tags = tagged.tags;
  if (args.due !== undefined) result.due = args.due;
  if (args.recurrence !== undefined) result.recurrence = args.recurrence;
  if (args.remind_at !== undefined) result.remind_at = args.remind_at;
  return { kind: "tool", tool: TOOL.addTask, arguments: result };
}

/** Whether the text makes a new task: a clear add, a repeat phrase, or a reminder. */
export function isAddCommand(text: string, ctx: TurnContext): boolean {
  return isAddOpening(text) || isClearAdd(text, ctx) || saysRepeat(text) || hasReminderClause(text, ctx);
}

/**
 * The add command: only a clear add (or a repeat phrase, or a reminder) creates a task; a repeat the
 * grammar cannot read is said so. Undefined when the text is not an add.
 */
export function planAddCommand(
  text: string,
  quotes: readonly string[],
  ctx: TurnContext,
): OfflinePlan | undefined {
  if (!isAddCommand(text, ctx)) return undefined;
  const repeat = recurrenceReply(text);
  return repeat === undefined ? planAdd(text, quotes, ctx) : { kind: "reply", reply: repeat };
}

/** "remind me to call the bank friday at 9": the reminder is at the due time. */
const REMINDER_OPENING = /\bremind\s+me\b|\breminder\s+(?:to|for|about)\b/i;

/**
 * The due of a new repeating task: the date the user gave ("every monday starting 7 december"), else the
 * rule's first day from today in the user's zone, at the time said ("every saturday at 9").
 */
function repeatDue(
  repeat: FoundRepeat,
  date: ReturnType<typeof findDate>,
  ctx: TurnContext,
): string | undefined {
  if (date !== undefined && !date.timeOnly) return date.due;
  const now = wallClock(ctx.now, ctx.timeZone);
  const time = date?.timeOnly === true ? date.due.slice(11, 16) : undefined;
  const day = firstRepeatDay(
    repeat.parts,
    now.day,
    time === undefined ? undefined : { at: time, now: now.time },
  );
  if (day === undefined) return undefined;
  return time === undefined ? day : `${day}T${time}`;
}

function whichDayReply(phrase: string): string {
  return `“${phrase}” doesn't say which day it starts, so I added nothing. Say the day, like “every 2 weeks on friday …”, or the first date, like “… ${phrase} starting monday”.`;
}

/** "dentist tuesday 3pm, remind me an hour before": a reminder makes it a task. */
export function hasReminderClause(text: string, ctx: TurnContext): boolean {
  return findReminderClause(text, ctx) !== undefined;
}

/** Whether a text holds a repeat phrase: then it is a new repeating task ("every year on 3 march mum's birthday"). */
export function saysRepeat(text: string): boolean {
  return findRepeat(text) !== undefined;
}
