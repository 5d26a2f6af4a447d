/**
 * Extra cues that a message edits an existing task, for phrasings that carry no editing verb
 * up front ("description for task 32: …", "add #errands to task 41") or that put the task
 * after the new value ("set priority to medium for task 36").
 */
import { findDate } from "./dates.js";
import { tasksOf } from "./known-tasks.js";
import { TAG_WORDS, verbs } from "./lexicon.js";
import { contentWords, findTaskNumber, resolveTask, stem } from "./resolve-task.js";
import type { TurnContext } from "./types.js";

/** True when a phrase names one known task, by number or by title words. */
export function namesOneTask(phrase: string, ctx: TurnContext): boolean {
  if (findTaskNumber(phrase) !== undefined) return true;
  const kind = resolveTask(phrase.replace(/^(?:the|my)\s+/i, ""), tasksOf(ctx)).kind;
  return kind === "match" || kind === "id";
}

const SCHEDULE = /^schedule\b/i;

/** "schedule the plumber for tomorrow": an edit only when a day is named; otherwise a new task. */
export function isScheduling(text: string): boolean {
  return SCHEDULE.test(text);
}

export function schedulesWithDate(text: string, ctx: TurnContext): boolean {
  return SCHEDULE.test(text) && findDate(text, ctx) !== undefined;
}

const ATTRIBUTE_FIRST = new RegExp(
  `^(?:the\\s+)?(?:new\\s+)?(?:description|desc|notes?|details|due\\s+date|deadline|priority|title|name|${TAG_WORDS})\\s+(?:for|of|on)\\s+\\S`,
  "i",
);

/** "description for task 32: window seats", "the deadline for the report is friday". */
export function startsWithAttribute(text: string): boolean {
  return ATTRIBUTE_FIRST.test(text);
}

const ADD_HASHTAG =
  /^add\s+(?:the\s+)?(?:tags?\s+|labels?\s+)?#[\p{L}_-][\p{L}\p{N}_-]*(?:\s*(?:,|and)\s*#?[\p{L}\p{N}_-]+)*\s+(?:tags?\s+|labels?\s+)?(?:to|on|onto)\s+(.+)$/iu;

/** "add #errands to task 41" tags a task; "add #work stuff to my list" does not name one. */
export function addsTagToTask(text: string, ctx: TurnContext): boolean {
  const m = ADD_HASHTAG.exec(text);
  return m?.[1] !== undefined && namesOneTask(m[1], ctx);
}

const VALUE_THEN_TARGET =
  /^(\S+)\s+(?:the\s+|its\s+)?(priority|prio|due\s+date|deadline|title|name|description|notes?)\s+(to|as)\s+(.+?)\s+(?:for|of|on)\s+(.+)$/i;

/**
 * "set priority to medium for task 36" → "set the priority of task 36 to medium", the order
 * the update planner reads. Only when the trailing phrase really names a task, so "change the
 * title to Buy milk for the party" keeps its whole value.
 */
export function moveTrailingTarget(text: string, ctx: TurnContext): string {
  const m = VALUE_THEN_TARGET.exec(text);
  if (m === null) return text;
  const [, verb, attribute, joiner, value, target] = m;
  if (target === undefined || !namesOneTask(target, ctx)) return text;
  return `${verb} the ${attribute} of ${target} ${joiner} ${value}`;
}

const BARE_NUMBER_AFTER_VERB = new RegExp(`^(${verbs("before-number")})\\s+#?(\\d+)\\b`, "i");

/** "tag 33 home", "move 12 to friday": a bare number right after an editing verb is a task number. */
export function spellOutTaskNumber(text: string): string {
  return text.replace(BARE_NUMBER_AFTER_VERB, "$1 task $2");
}

const PRIORITY_SHIFT =
  /^(lower|decrease|reduce|drop|downgrade|raise|increase|upgrade|bump\s+up|up)\s+(?:the\s+|its\s+)?prio(?:rity)?\b(?:\s+(?:of|for|on))?\s*/i;

/** "lower the priority of the invoice" → low; "raise the priority of task 3" → high. */
export function priorityShift(text: string): { priority: "low" | "high"; rest: string } | undefined {
  const m = PRIORITY_SHIFT.exec(text);
  if (m?.[1] === undefined) return undefined;
  const down = /^(?:lower|decrease|reduce|drop|downgrade)$/i.test(m[1]);
  return { priority: down ? "low" : "high", rest: text.slice(m[0].length) };
}

/**
 * How many words a reference repeats beyond the task's title: in "rename flights to Book
 * flights to Porto" the split "flights to Book flights" swallowed part of the new title.
 */
export function repeatedWords(phrase: string | readonly string[], title: string): number {
  const available = new Map<string, number>();
  for (const w of contentWords(title).map(stem)) available.set(w, (available.get(w) ?? 0) + 1);
  const seen = new Map<string, number>();
  let extra = 0;
  for (const w of typeof phrase === "string" ? contentWords(phrase).map(stem) : phrase) {
    const n = (seen.get(w) ?? 0) + 1;
    seen.set(w, n);
    if (n > 1 && n > (available.get(w) ?? 0)) extra++;
  }
  return extra;
}

const SHIFT_TO_DATE =
  /^(?:bump|shift)\s+(.+?)\s+(?:back\s+|out\s+|over\s+)?(?:to|until|till|til|for|into)\s+(.+)$/i;

/** "bump task 4 to tomorrow", "shift the rent task to monday": moving a named task to a day. */
export function shiftsToDate(text: string, ctx: TurnContext): boolean {
  const m = SHIFT_TO_DATE.exec(text);
  return (
    m?.[1] !== undefined && m[2] !== undefined && findDate(m[2], ctx) !== undefined && namesOneTask(m[1], ctx)
  );
}

const STATED_DATE =
  /^(.+?)\s+(?:is|'s|has\s+been|got|was)\s+(?:now\s+|been\s+)?(?:moved\s+|pushed(?:\s+back)?\s+|rescheduled\s+|postponed\s+)?(?:on|for|to|until|till)\s+(.+)$/i;

/** "the dentist appointment is now on friday": a known task stated to fall on a day. */
export function statesNewDate(text: string, ctx: TurnContext): boolean {
  const m = STATED_DATE.exec(text);
  return (
    m?.[1] !== undefined && m[2] !== undefined && findDate(m[2], ctx) !== undefined && namesOneTask(m[1], ctx)
  );
}
