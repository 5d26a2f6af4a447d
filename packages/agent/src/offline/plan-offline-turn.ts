import { TOOL } from "@taskflow/contracts/mcp-tools";
import { commandFirst } from "./command-first.js";
import { findDate, removeDate } from "./dates.js";
import { readFollowUp } from "./follow-up.js";
import {
  bareParticipleSubject,
  detectSmallTalk,
  detectVerbIntent,
  endsWithStatus,
  looksLikeList,
  looksLikePastTense,
  participleSubject,
} from "./intents.js";
import { hasQuote, normalise } from "./normalise.js";
import { isAddOpening, planAdd } from "./plan-add.js";
import { planBulk, planConfirmation } from "./plan-bulk.js";
import { planList } from "./plan-list.js";
import { planSeveral } from "./plan-several.js";
import { hasEditVerb, looksLikeUpdate, planUpdate } from "./plan-update.js";
import { looksLikeNaming, planNaming } from "./rename-by-naming.js";
import { HELP_TEXT, notUnderstoodReply, smallTalkReply, tooLongReply } from "./replies.js";
import type { Preference } from "./resolve-task.js";
import { targetTask } from "./task-reference.js";
import { TASK_VERB } from "./task-verbs.js";
import type { OfflinePlan, ToolName, TurnContext } from "./types.js";
import { impossibleDate, recurrenceReply, unsupportedVerbReply } from "./unclear.js";
import { planUndo } from "./undo.js";

/**
 * The longest message the parser reads. Chat commands are a sentence or two; a cap keeps the cost of one
 * turn small and predictable on the api's event loop whatever the user sends (the chat accepts 4000).
 */
export const MAX_COMMAND_CHARS = 500;

const PREFER: Record<string, Preference> = { complete: "pending", reopen: "completed" };

function toolFor(intent: string): ToolName {
  if (intent === "complete") return TOOL.completeTask;
  if (intent === "delete") return TOOL.deleteTask;
  return TOOL.updateTask;
}

/**
 * Plans one chat turn without an LLM: length cap → undo → pending confirmation → normalise → small talk /
 * help → follow-up on the last answer → unsupported → several actions → one command (set → list →
 * naming → update → complete / delete / reopen → add → fallback). Each stage owns its own extraction.
 */
export function planOfflineTurn(message: string, ctx: TurnContext): OfflinePlan {
  if (message.trim().length > MAX_COMMAND_CHARS)
    return { kind: "reply", reply: tooLongReply(MAX_COMMAND_CHARS) };
  const undo = planUndo(message, ctx);
  if (undo !== undefined) return undo;
  const confirmed = planConfirmation(message, ctx);
  if (confirmed !== undefined) return confirmed;
  const normalised = normalise(message);
  const quotes = normalised.quotes;
  let text = addTagAsEdit(commandFirst(normalised.text));
  const small = detectSmallTalk(message.replace(/[\u2018\u2019]/g, "'")) ?? detectSmallTalk(text);
  if (small === "help") return { kind: "reply", reply: HELP_TEXT };
  if (small === "smalltalk") return { kind: "reply", reply: smallTalkReply(message) };

  const followUp = isAddOpening(text) ? undefined : readFollowUp(text, ctx);
  if (followUp !== undefined && "plan" in followUp) return followUp.plan;
  if (followUp !== undefined && "replay" in followUp) return planOfflineTurn(followUp.replay, followUp.ctx);
  if (followUp !== undefined) text = followUp.text;

  const unclear = impossibleDate(text) ?? unsupportedVerbReply(text);
  if (unclear !== undefined) return { kind: "reply", reply: unclear };

  return (
    planSeveral(text, ctx, (clause) => planCommand(clause, quotes, ctx)) ?? planCommand(text, quotes, ctx)
  );
}

/** One command, already normalised. */
function planCommand(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan {
  const bulk = planBulk(text, quotes, ctx);
  if (bulk !== undefined) return bulk;

  if (looksLikeList(text)) return planList(text, quotes, ctx);

  const named = looksLikeNaming(text) ? planNaming(text, quotes, ctx) : undefined;
  if (named !== undefined) return named;

  if (!endsWithStatus(text) && looksLikeUpdate(text, ctx)) {
    const plan = planUpdate(text, quotes, ctx);
    if (!(plan.kind === "reply" && (isAddOpening(text) || !hasEditVerb(text)))) return plan;
  }

  const detected = detectVerbIntent(text);
  if (
    detected !== undefined &&
    (detected.intent === "complete" || detected.intent === "delete" || detected.intent === "reopen")
  ) {
    if (detected.rest.trim().length === 0) {
      return {
        kind: "reply",
        reply: `Which task? Say for example “${detected.intent} task 3” or “show my tasks”.`,
      };
    }
    const target = targetTask(detected.rest, quotes, ctx.tasks, PREFER[detected.intent]);
    if (target.ok) {
      const args: Record<string, unknown> = { task_id: target.id };
      if (detected.intent === "reopen") args.completed = false;
      return { kind: "tool", tool: toolFor(detected.intent), arguments: args };
    }
    // "finish the slides by friday" names no existing task but reads as a new one.
    if (!(detected.intent === "complete" && findDate(text, ctx) !== undefined)) return target.plan;
  }

  const reported =
    participleSubject(text) ??
    (looksLikePastTense(text) ? text : undefined) ??
    (isAddOpening(text) ? undefined : bareParticipleSubject(text));
  if (reported !== undefined) {
    const target = targetTask(
      reported.replace(/^(?:i|we)(?:'ve|\s+have)?\s+/i, ""),
      quotes,
      ctx.tasks,
      "pending",
    );
    if (target.ok || target.plan.kind === "clarify") {
      return target.ok
        ? { kind: "tool", tool: TOOL.completeTask, arguments: { task_id: target.id } }
        : target.plan;
    }
  }
  if (isAddOpening(text) || isClearAdd(text, ctx)) {
    const repeat = recurrenceReply(text);
    return repeat === undefined ? planAdd(text, quotes, ctx) : { kind: "reply", reply: repeat };
  }
  return { kind: "reply", reply: notUnderstoodReply() };
}

/** Marks that only a quick add uses: "#errands", "!high", "p1". */
const QUICK_ADD_MARK = /(?:^|\s)(?:#[\p{L}_][\p{L}\p{N}_-]*|!(?:high|medium|low|urgent)\b|p[1-3]\b)/iu;

/**
 * Only a clear add becomes a task: an add opening or a task verb ("call mom"), possibly after a leading
 * date ("tomorrow remind me to …"), a quoted title, or quick-add marks. A date alone is not enough:
 * "snooze the electricity bill to tomorrow" is a request we cannot do, not a task to create.
 */
function isClearAdd(text: string, ctx: TurnContext): boolean {
  const date = findDate(text, ctx);
  const rest = date !== undefined && date.index === 0 ? removeDate(text, date) : text;
  return (
    TASK_VERB.test(text) ||
    (rest !== text && (isAddOpening(rest) || TASK_VERB.test(rest))) ||
    hasQuote(text) ||
    QUICK_ADD_MARK.test(text)
  );
}

const ADD_TAG_TO = /^add\s+(?:the\s+|a\s+)?([\p{L}\p{N}_-]+)\s+(?:tag|label)\s+(?:to|on|onto)\s+(.+)$/iu;

/** "add health tag to the dentist appointment" tags a task; it never adds one. */
function addTagAsEdit(text: string): string {
  const m = ADD_TAG_TO.exec(text);
  return m?.[1] === undefined || m[2] === undefined ? text : `tag ${m[2]} with ${m[1]}`;
}
