/**
 * Commands on a task's repeat and reminder: "stop repeating task 4", "don't repeat the gym task anymore",
 * "skip this one" (move a repeating task to its next occurrence without counting a completion), "make the
 * gym task repeat every monday", "remind me about task 4 tomorrow at 8". Each is one `update_task`; the
 * task is found as every other command finds it (by number, title words, or the task the conversation
 * just named), and a reference that names no single task is a question, never a guess.
 */
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { wallTime } from "./clock.js";
import { lastAssistant, namedTasks } from "./conversation.js";
import { addDays, localDay } from "./dates.js";
import { tasksOf } from "./known-tasks.js";
import { PLEASE, verbs } from "./lexicon.js";
import { tidy } from "./normalise.js";
import { readReminder, reminderFor } from "./reminder.js";
import { findRepeat, nextRepeatDay } from "./repeat.js";
import { findTaskNumber } from "./resolve-task.js";
import { targetTask } from "./task-reference.js";
import type { KnownTask, OfflinePlan, TurnContext } from "./types.js";

const REPEAT_WORD = String.raw`(?:repeat(?:ing|s)?|recurr?(?:ing|s|ence)?|repetition)`;
const END_REPEAT = verbs("end-repeat");
/** Not "recurring": "cancel the recurring meeting" deletes a task. */
const REPEAT_NOUN = String.raw`(?:repeat(?:ing|s)?|recurrence|repetition)`;
const STOP = new RegExp(
  String.raw`^(?:${PLEASE}\s+)?(?:${END_REPEAT})\s+(?:the\s+)?${REPEAT_NOUN}\b|^(?:don'?t|do\s+not|no\s+longer|never)\s+${REPEAT_WORD}\b|\b(?:shouldn'?t|should\s+not|doesn'?t\s+need\s+to|needn'?t|won'?t|no\s+longer\s+needs?\s+to)\s+${REPEAT_WORD}\b|^(?:${END_REPEAT})\s+.+?\s+(?:from\s+)?${REPEAT_NOUN}(?:\s+(?:any\s*more|now|${PLEASE}))?\s*$|^make\s+.+?\s+(?:a\s+)?(?:one[-\s]off|not\s+repeat|non[-\s]?repeating)\b`,
  "i",
);
const STOP_WORDS = new RegExp(
  String.raw`^(?:${PLEASE}\s+)?(?:${END_REPEAT}|make)\s+(?:the\s+)?(?:${REPEAT_WORD}\s+)?(?:(?:of|on|for|from)\s+)?|^(?:don'?t|do\s+not|no\s+longer|never)\s+${REPEAT_WORD}\s+|\s+(?:shouldn'?t|should\s+not|doesn'?t\s+need\s+to|needn'?t|won'?t|no\s+longer\s+needs?\s+to)\s+${REPEAT_WORD}\b|\s+(?:from\s+)?${REPEAT_WORD}\b|\s+(?:a\s+)?(?:one[-\s]off|not\s+repeat|non[-\s]?repeating)\b|\b(?:any\s*more|after\s+all|${PLEASE})\b`,
  "gi",
);

const SKIP = new RegExp(String.raw`^(?:(?:just|${PLEASE})\s+)?(?:${verbs("skip")})\b\s*(?<rest>.*)$`, "i");
/** "this one", "the next one", "this week's", "today": which occurrence, not which task. */
const OCCURRENCE = new RegExp(
  String.raw`\b(?:(?:this|the\s+next|next|the\s+upcoming|upcoming|the\s+current|today'?s|this\s+week'?s)\s+(?:one|occurrence|time|instance|session)|this\s+(?:week|time)|today|for\s+now|(?:the\s+)?next\s+(?:one|occurrence|time)|${PLEASE})\b|\b(?:this|next|the\s+next|upcoming)\s+(?=\S)`,
  "gi",
);

const MAKE_REPEAT = new RegExp(String.raw`\b${REPEAT_WORD}\b|^(?:make|set|turn)\b`, "i");
const REMIND_ABOUT =
  /^(?:(?:please|pls)\s+)?(?:remind\s+me\s+(?:about|of)|set\s+(?:a\s+)?reminder\s+(?:for|on)|add\s+a\s+reminder\s+(?:to|for|on))\s+(?<rest>.+)$/i;

const REFERS_BACK = /^(?:(?:the\s+)?(?:it|this|that|this\s+one|that\s+one|one)|)$/i;

/** The single task the conversation just named ("skip this one" after a listing of one). */
function lastNamedTask(ctx: TurnContext): KnownTask | undefined {
  const named = namedTasks(lastAssistant(ctx.history));
  if (named.length !== 1) return undefined;
  return tasksOf(ctx).find((t) => t.id === named[0]?.id);
}

const repeats = (task: KnownTask) => typeof task.recurrence_text === "string" && task.recurrence_text !== "";

/**
 * Which task a repeat command is about: its words, else the task just named; with neither, the question
 * (among the repeating tasks) rather than a guess.
 */
function repeatTarget(
  phrase: string,
  quotes: readonly string[],
  ctx: TurnContext,
): { ok: true; task: KnownTask | undefined; id: number } | { ok: false; plan: OfflinePlan } {
  const said = tidy(phrase.replace(/\b(?:task|one)\s*$/i, ""));
  if (REFERS_BACK.test(said)) {
    const last = lastNamedTask(ctx);
    if (last !== undefined) return { ok: true, task: last, id: last.id };
    const candidates = tasksOf(ctx).filter((t) => repeats(t) && t.completed !== true);
    if (candidates.length === 0)
      return { ok: false, plan: { kind: "reply", reply: "None of your open tasks repeats." } };
    return {
      ok: false,
      plan: {
        kind: "clarify",
        reply: `These tasks repeat: ${candidates.map((t) => `#${t.id} “${t.title}” (${t.recurrence_text})`).join(", ")}. Which one do you mean?`,
        candidates,
      },
    };
  }
  const target = targetTask(said, quotes, tasksOf(ctx));
  if (!target.ok) return target;
  return { ok: true, task: target.task ?? tasksOf(ctx).find((t) => t.id === target.id), id: target.id };
}

const notRepeating = (task: KnownTask) =>
  `#${task.id} “${task.title}” doesn't repeat, so nothing was changed.`;

function planStop(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan {
  const target = repeatTarget(text.replace(STOP_WORDS, " "), quotes, ctx);
  if (!target.ok) return target.plan;
  if (target.task !== undefined && !repeats(target.task))
    return { kind: "reply", reply: notRepeating(target.task) };
  return { kind: "tool", tool: TOOL.updateTask, arguments: { task_id: target.id, recurrence: null } };
}

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "skip this one": the due (and a reminder, by as many days at the same local time) to the next occurrence. */
function planSkip(rest: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan {
  const target = repeatTarget(rest.replace(OCCURRENCE, " "), quotes, ctx);
  if (!target.ok) return target.plan;
  const task = target.task;
  if (task === undefined)
    return { kind: "reply", reply: `I can't see task #${target.id}; say “show my tasks”.` };
  if (!repeats(task)) return { kind: "reply", reply: notRepeating(task) };
  const wording = task.recurrence_text ?? "";
  const repeat = findRepeat(wording);
  if (repeat === undefined || repeat.start !== 0 || repeat.end !== wording.length || !task.due_at)
    return {
      kind: "reply",
      reply: `I can't work out the next date of “${wording}” here, so nothing was changed. Move it yourself, like “move task ${task.id} to friday”.`,
    };
  const allDay = ALL_DAY.test(task.due_at);
  const wall = allDay ? task.due_at : wallTime(new Date(task.due_at), ctx.timeZone);
  const dueDay = wall.slice(0, 10);
  const today = localDay(ctx.now, ctx);
  let next = nextRepeatDay(repeat.parts, dueDay);
  // An overdue task skips to an occurrence from today on, as completing one does.
  for (let i = 0; next !== undefined && next < today && i < 1000; i++)
    next = nextRepeatDay(repeat.parts, next);
  if (next === undefined)
    return {
      kind: "reply",
      reply: `“${task.title}” has no next occurrence to skip to, so nothing was changed.`,
    };
  const args: Record<string, unknown> = {
    task_id: task.id,
    due: allDay ? next : `${next}T${wall.slice(11, 16)}`,
  };
  if (typeof task.remind_at === "string" && task.remind_at !== "") {
    const remind = wallTime(new Date(task.remind_at), ctx.timeZone);
    const shift = Math.round((Date.parse(next) - Date.parse(dueDay)) / 86_400_000);
    args.remind_at = `${addDays(remind.slice(0, 10), shift)}T${remind.slice(11, 16)}`;
  }
  return { kind: "tool", tool: TOOL.updateTask, arguments: args };
}

/** "make the gym task repeat every monday", "task 4 should repeat weekly on friday". */
function planMakeRepeat(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const repeat = findRepeat(text);
  if (repeat === undefined || !MAKE_REPEAT.test(text)) return undefined;
  const rest = `${text.slice(0, repeat.start)} ${text.slice(repeat.end)}`
    .replace(
      new RegExp(
        String.raw`^(?:make|set|turn)\s+|\b(?:should|to|will|must)\s+${REPEAT_WORD}\b|\b${REPEAT_WORD}\b|\b(?:from\s+now\s+on|${PLEASE})\b|\s+(?:to|as)\s*$`,
        "gi",
      ),
      " ",
    )
    .trim();
  if (
    findTaskNumber(rest) === undefined &&
    !/\b(?:it|that|this)\b/i.test(rest) &&
    !/^(?:the|my)\b/i.test(rest)
  )
    return undefined;
  const target = repeatTarget(rest, quotes, ctx);
  if (!target.ok) return target.plan;
  return { kind: "tool", tool: TOOL.updateTask, arguments: { task_id: target.id, recurrence: repeat.rule } };
}

/** "remind me about task 4 tomorrow at 8": a reminder on a task there is; undefined lets add read it. */
function planRemindAbout(rest: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  // The reminder's words are at the end: try the longest tail that reads as one.
  const words = rest.split(/\s+/);
  // At most the last eight words are the reminder ("next friday at 8:30 in the morning"): bounded cost.
  for (let cut = Math.max(1, words.length - 8); cut < words.length; cut++) {
    const phrase = words.slice(0, cut).join(" ");
    const when = words.slice(cut).join(" ");
    const said = readReminder(when, ctx);
    if (said === undefined) continue;
    const numbered = findTaskNumber(phrase);
    const named = numbered !== undefined || /^(?:it|that|this)$/i.test(phrase) ? undefined : phrase;
    if (named !== undefined) {
      const target = targetTask(named, quotes, tasksOf(ctx));
      if (!target.ok) return undefined;
    }
    const target = repeatTarget(phrase, quotes, ctx);
    if (!target.ok) return target.plan;
    const due = target.task?.due_at;
    const dueWall =
      typeof due === "string" && due !== ""
        ? ALL_DAY.test(due)
          ? due
          : wallTime(new Date(due), ctx.timeZone)
        : undefined;
    const reminder = reminderFor(said, dueWall);
    if ("reply" in reminder) return { kind: "reply", reply: reminder.reply };
    return {
      kind: "tool",
      tool: TOOL.updateTask,
      arguments: { task_id: target.id, remind_at: reminder.remind_at },
    };
  }
  return undefined;
}

/** The plan for a repeat or reminder command on a task, or undefined when the text is not one. */
export function planRepeat(
  text: string,
  quotes: readonly string[],
  ctx: TurnContext,
): OfflinePlan | undefined {
  if (STOP.test(text)) return planStop(text, quotes, ctx);
  const skip = SKIP.exec(text);
  if (skip?.groups !== undefined) return planSkip(skip.groups.rest ?? "", quotes, ctx);
  const about = REMIND_ABOUT.exec(text);
  if (about?.groups?.rest !== undefined) return planRemindAbout(about.groups.rest, quotes, ctx);
  return planMakeRepeat(text, quotes, ctx);
}
