/**
 * Follow-ups on the tasks the assistant named in its last message (a listing, the candidates of "which
 * one?", the task it just changed): "the first one", "the second", "number 3", "it", "that one", "both",
 * "all of them". Each is rewritten to the task numbers it stands for ("complete task 12"), so the
 * ordinary stages read the command; "#22" is already a task number. A bare answer to "which one?" replays
 * the question's request on the chosen task.
 */
import {
  askedWhichOne,
  historyBefore,
  lastAssistant,
  lastUserBefore,
  type NamedTask,
  namedTasks,
} from "./conversation.js";
import { tasksOf } from "./known-tasks.js";
import { DONE_WORDS, ORDINAL_WORDS, PLEASE } from "./lexicon.js";
import { idList } from "./plan-bulk.js";
import type { KnownTask, OfflinePlan, TurnContext } from "./types.js";

const ORDINAL = new RegExp(
  `(?<!\\b(?:on|by|before|until|till|due|to|of|from|for)\\s+(?:the\\s+)?)\\b(?:the\\s+)?(${ORDINAL_WORDS.join("|")}|(?:[1-9]|10)(?:st|nd|rd|th)|last)(?:\\s+(?:one|task|item|todo|entry)|(?=\\s*$)|(?=\\s+(?:done|as|to|and|off|please|too)\\b))`,
  "i",
);
/** "number 3", "no. 3": a position in what was shown ("task 3" and "#3" stay task numbers). */
const POSITION = /(?<!\b(?:task|item|todo)\s+)\b(?:number|no\.?)\s*(\d{1,2})\b/i;
const SET =
  /\b(?:both(?:\s+of\s+them)?|all\s+of\s+them|all\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)(?:\s+of\s+them)?|them\s+all|all\s+(?:these|those)|these|those|them)(?:\s+(?:tasks|ones|items|todos))?\b/i;
const SINGLE =
  /\b(?:it|that\s+one|this\s+one|that\s+task|this\s+task|the\s+same\s+one|that\s+item)\b|\b(?:that|this)\s*$/i;
/** "tasks 21 and 23 are done": a report on the named tasks is a completion of them. */
const REPORTED_DONE = new RegExp(
  `^((?:tasks?\\s+\\d+)(?:(?:,\\s*|\\s+and\\s+)\\d+)*)\\s+(?:is|are|was|were|has\\s+been|have\\s+been)?\\s*(?:all\\s+|now\\s+)?(?:${DONE_WORDS}|sorted)(?:\\s+now)?$`,
  "i",
);
/** A message that is only a reference, answering "which one?". */
const ONLY_REFERENCE = new RegExp(
  `^(?:(?:i\\s+mean|i\\s+meant|i\\s+want|it's|its|it\\s+is|that's|the\\s+one\\s+is)\\s+)?(?:tasks?\\s+|#)\\d+(?:(?:,\\s*|\\s+and\\s+)#?\\d+)*(?:\\s+(?:one|${PLEASE}))?$`,
  "i",
);

function ref(tasks: readonly NamedTask[]): string {
  return tasks.length === 1 ? `task ${tasks[0]?.id}` : `tasks ${idList(tasks.map((t) => t.id))}`;
}

/** The message with its follow-up references made explicit, or undefined when it has none. */
export function rewriteFollowUp(text: string, named: readonly NamedTask[]): string | undefined {
  if (named.length === 0) return undefined;
  let out = text.replace(/\bit's\b/i, "it is");
  const ordinal = ORDINAL.exec(out);
  if (ordinal?.[1] !== undefined) {
    const word = ordinal[1].toLowerCase();
    const at =
      word === "last"
        ? named.length - 1
        : ORDINAL_WORDS.indexOf(word) >= 0
          ? ORDINAL_WORDS.indexOf(word)
          : Number.parseInt(word, 10) - 1;
    const task = named[at];
    if (task !== undefined)
      out = `${out.slice(0, ordinal.index)}task ${task.id}${out.slice(ordinal.index + ordinal[0].length)}`;
  }
  const position = POSITION.exec(out);
  const shown = position?.[1] === undefined ? undefined : named[Number(position[1]) - 1];
  if (position !== null && shown !== undefined)
    out = `${out.slice(0, position.index)}task ${shown.id}${out.slice(position.index + position[0].length)}`;
  const set = SET.exec(out);
  if (set !== null && named.length > 1 && !(/^both/i.test(set[0]) && named.length !== 2))
    out = `${out.slice(0, set.index)}${ref(named)}${out.slice(set.index + set[0].length)}`;
  const single = SINGLE.exec(out);
  const [only] = named;
  if (single !== null && only !== undefined && named.length === 1)
    out = `${out.slice(0, single.index)}task ${only.id}${out.slice(single.index + single[0].length)}`;
  if (out === text.replace(/\bit's\b/i, "it is")) return undefined;
  const report = REPORTED_DONE.exec(out);
  return report?.[1] === undefined ? out : `complete ${report[1]}`;
}

/** "complete it" when the last answer named several tasks: ask which, naming them. */
function whichOfNamed(text: string, named: readonly NamedTask[], ctx: TurnContext): OfflinePlan | undefined {
  const single = SINGLE.exec(text);
  if (single === null || named.length < 2 || named.length > 10) return undefined;
  const candidates = named.map(
    (t) => tasksOf(ctx).find((k) => k.id === t.id) ?? { id: t.id, title: t.title ?? `#${t.id}` },
  );
  const options = candidates.map((t) => `#${t.id} “${t.title}”`).join(", ");
  return {
    kind: "clarify",
    reply: `“${single[0].trim()}” could be any of the tasks I just named: ${options}. Which one do you mean?`,
    candidates,
  };
}

/** The tasks named by the last assistant message, which follow-up words point at. */
function lastNamed(ctx: TurnContext): NamedTask[] {
  return namedTasks(lastAssistant(ctx.history));
}

/** The message with "the first one", "it", "both" … made task numbers, or the message as it was. */
export function rewriteReferences(text: string, ctx: TurnContext): string {
  return rewriteFollowUp(text, lastNamed(ctx)) ?? text;
}

export type FollowUpAnswer = { replay: string; ctx: TurnContext } | { plan: OfflinePlan };

/**
 * A follow-up answered on its own: "complete it" when several tasks were named (which one?), a bare
 * reference answering "which one?" (the question is replayed on the chosen task), or a bare reference to
 * a task just shown (what should I do with it?). Undefined when the message is not one; its references
 * are then rewritten by `rewriteReferences` for the ordinary stages.
 */
export function answerFollowUp(text: string, ctx: TurnContext): FollowUpAnswer | undefined {
  const last = lastAssistant(ctx.history);
  const named = namedTasks(last);
  const rewritten = rewriteFollowUp(text, named) ?? text;
  if (rewritten === text) {
    const which = whichOfNamed(text, named, ctx);
    if (which !== undefined) return { plan: which };
  }
  if (!ONLY_REFERENCE.test(rewritten)) return undefined;
  const chosen = [...rewritten.matchAll(/\d+/g)].map((m) => Number(m[0]));
  const question = lastUserBefore(ctx.history);
  if (askedWhichOne(last) && question !== undefined && chosen.length === 1) {
    // Replaying the question with only the chosen one of its candidates makes the choice unambiguous.
    const others = new Set(named.map((t) => t.id).filter((id) => !chosen.includes(id)));
    const tasks: KnownTask[] = tasksOf(ctx).filter((t) => !others.has(t.id));
    // "complete it" → "which one?" → "the second": the pronoun of the question is the chosen task.
    const replay = rewriteFollowUp(question.content, [{ id: chosen[0] ?? 0 }]) ?? question.content;
    return { replay, ctx: { ...ctx, tasks, history: historyBefore(ctx.history) } };
  }
  if (rewritten === text && !named.some((t) => chosen.includes(t.id))) return undefined;
  const which = chosen.map((id) => {
    const title = named.find((t) => t.id === id)?.title ?? tasksOf(ctx).find((t) => t.id === id)?.title;
    return title === undefined ? `#${id}` : `‘${title}’ (#${id})`;
  });
  return {
    plan: {
      kind: "reply",
      reply: `What should I do with ${which.join(" and ")}? For example “complete it”, “delete it” or “move it to friday”.`,
    },
  };
}
