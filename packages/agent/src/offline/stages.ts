/**
 * The order in which the offline assistant reads a message: one list, read top to bottom.
 *
 * A plan stage returns a plan or nothing; the first plan wins. A rewrite stage (`rewrite` instead of
 * `plan`) changes the text that the stages below it read: normalising it, and making "the first one",
 * "it", "both" task numbers. `why` says why a stage sits where it does, so a change to the order can be
 * judged from this file alone. Each stage owns its own extraction (plan-*.ts).
 *
 * The task list: a stage that must read the user's tasks calls `tasksOf(ctx)` (known-tasks.ts). When the
 * caller planned without them, that stops the run, and `planOfflineTurn` answers `{ kind: "needs-tasks" }`:
 * the caller fetches the list and plans again with it. Stages above the one that needed the list did not
 * read it, so the second run reaches the same point with the list in hand; a turn no stage asks the list
 * for ("add milk", "show my tasks", "undo") never costs a listing.
 */
import { addTagAsEdit, commandFirst } from "./command-first.js";
import { answerFollowUp, rewriteReferences } from "./follow-up.js";
import { detectSmallTalk, endsWithStatus, looksLikeList } from "./intents.js";
import { normalise } from "./normalise.js";
import { isAddOpening, planAddCommand, saysRepeat } from "./plan-add.js";
import { planBulk, planConfirmation } from "./plan-bulk.js";
import { planList } from "./plan-list.js";
import { answerMissingList, planListConfirmation, planLists } from "./plan-lists.js";
import { planRepeat } from "./plan-repeat.js";
import { planReportedDone } from "./plan-reported-done.js";
import { planSeveral } from "./plan-several.js";
import { hasEditVerb, looksLikeUpdate, planUpdate } from "./plan-update.js";
import { planVerb } from "./plan-verb.js";
import { looksLikeNaming, planNaming } from "./rename-by-naming.js";
import { HELP_TEXT, notUnderstoodReply, smallTalkReply, tooLongReply } from "./replies.js";
import type { OfflinePlan, TurnContext } from "./types.js";
import { impossibleDate, unsupportedVerbReply } from "./unclear.js";
import { planUndo } from "./undo.js";

/**
 * The longest message the parser reads. Chat commands are a sentence or two; a cap keeps the cost of one
 * turn small and predictable on the api's event loop whatever the user sends (the chat accepts 4000).
 */
export const MAX_COMMAND_CHARS = 500;

/** What the stages read. */
export interface Turn {
  /** The message as the user sent it. */
  message: string;
  /** The command as the stages read it: the message until `normalise`, then as rewritten above. */
  text: string;
  /** Quoted spans lifted out of `text` by `normalise` (placeholders ⟦a⟧, ⟦b⟧ … in the text). */
  quotes: readonly string[];
  ctx: TurnContext;
}

interface StageBase {
  /** Unique; names the stage in tests and when debugging a phrasing. */
  name: string;
  /** Why the stage sits where it does, in one line. */
  why: string;
}
export interface PlanStage extends StageBase {
  plan(turn: Turn): OfflinePlan | undefined;
}
export interface RewriteStage extends StageBase {
  rewrite(turn: Turn): Turn;
}
export type Stage = PlanStage | RewriteStage;

/** One command, normalised: the tail of the turn, and what each clause of several actions goes through. */
export const COMMAND_STAGES: readonly Stage[] = [
  {
    name: "lists",
    why: "a list named as one (“add milk to Groceries”, “what's in Work?”, “delete the Health list”) is read before a set, a listing or an add could take the list's name as a task's words",
    plan: ({ text, quotes, ctx }) => planLists(text, quotes, ctx),
  },
  {
    name: "set",
    why: "a command on a set (“delete all completed”, “complete 3 and 5”) must never be read as one guessed task",
    // "every tuesday" is a repeat, not a set ("every task tagged work").
    plan: ({ text, quotes, ctx }) => (saysRepeat(text) ? undefined : planBulk(text, quotes, ctx)),
  },
  {
    name: "list",
    why: "questions and listings (“what's due today”) are read before any verb could take their words as a task",
    plan: ({ text, quotes, ctx }) => (looksLikeList(text) ? planList(text, quotes, ctx) : undefined),
  },
  {
    name: "repeat",
    why: "“stop repeating task 4”, “skip this one”, “remind me about task 4 at 8” change a repeat or reminder; before update, verb and add read “remind me” or “repeat” as theirs",
    plan: ({ text, quotes, ctx }) => planRepeat(text, quotes, ctx),
  },
  {
    name: "naming",
    why: "“call task 3 Quarterly review” opens with a task verb (“call”) but renames a task",
    plan: ({ text, quotes, ctx }) => (looksLikeNaming(text) ? planNaming(text, quotes, ctx) : undefined),
  },
  {
    name: "update",
    why: "“remove the due date from task 4” edits, though it opens with a delete verb; “set task 4 as done” is left below",
    plan: ({ text, quotes, ctx }) => {
      if (endsWithStatus(text) || !looksLikeUpdate(text, ctx)) return undefined;
      const plan = planUpdate(text, quotes, ctx);
      // A failed lookup after a weak cue ("make …", "add …") lets the stages below try; after "rename"
      // it is final.
      return plan.kind === "reply" && (isAddOpening(text) || !hasEditVerb(text)) ? undefined : plan;
    },
  },
  {
    name: "verb",
    why: "complete / delete / reopen one task by a verb, once no edit or set claimed the message",
    // "take out the recycling every tuesday" is a new repeating task: no command on a task says a repeat.
    plan: ({ text, quotes, ctx }) => (saysRepeat(text) ? undefined : planVerb(text, quotes, ctx)),
  },
  {
    name: "reported-done",
    why: "“called mom” completes a task only if one matches, so it runs after explicit verbs and before add",
    plan: ({ text, quotes, ctx }) => planReportedDone(text, quotes, ctx),
  },
  {
    name: "add",
    why: "only a clear add (or a repeat phrase, “every year on 3 march mum's birthday”) creates a task, and only when nothing above found an existing task in the message",
    plan: ({ text, quotes, ctx }) => planAddCommand(text, quotes, ctx),
  },
  {
    name: "not-understood",
    why: "last: nothing above read the message, so say so instead of guessing (always answers)",
    plan: () => ({ kind: "reply", reply: notUnderstoodReply() }),
  },
];

export const STAGES: readonly Stage[] = [
  {
    name: "too-long",
    why: "first: bounds the cost of every stage below on the api's event loop",
    plan: ({ message }) =>
      message.trim().length > MAX_COMMAND_CHARS
        ? { kind: "reply", reply: tooLongReply(MAX_COMMAND_CHARS) }
        : undefined,
  },
  {
    name: "undo",
    why: "“undo” reverts the last change whatever else its words could mean (“cancel that” is not a delete)",
    plan: ({ message, ctx }) => planUndo(message, ctx),
  },
  {
    name: "confirm-delete",
    why: "“yes, delete tasks 3 and 5” answers the set deletion just asked, before its verb reads as a new delete",
    plan: ({ message, ctx }) => planConfirmation(message, ctx),
  },
  {
    name: "confirm-delete-list",
    why: "“yes, delete the Health list” (or a bare “yes” after that question) answers it, before its verb reads as a new delete",
    plan: ({ message, ctx }) => planListConfirmation(message, ctx),
  },
  {
    name: "missing-list-answer",
    why: "“create it” or “inbox” answers “You have no list called X”, and replays the add it asked about; before small talk reads a bare “yes”",
    plan: ({ message, ctx }) => {
      const answer = answerMissingList(message, ctx);
      return answer === undefined ? undefined : runTurn(answer.replay, answer.ctx).plan;
    },
  },
  {
    name: "normalise",
    why: "before any reading of words: quotes lifted out, politeness trimmed, the command put first",
    rewrite: (turn) => {
      const normalised = normalise(turn.message);
      return { ...turn, text: addTagAsEdit(commandFirst(normalised.text)), quotes: normalised.quotes };
    },
  },
  {
    name: "small-talk",
    why: "greetings, thanks and help name no task, and “thanks, great” must not become one",
    plan: ({ message, text }) => {
      const small = detectSmallTalk(message.replace(/[\u2018\u2019]/g, "'")) ?? detectSmallTalk(text);
      if (small === "help") return { kind: "reply", reply: HELP_TEXT };
      if (small === "smalltalk") return { kind: "reply", reply: smallTalkReply(message) };
      return undefined;
    },
  },
  {
    name: "follow-up",
    why: "a bare “the second one” answers the last question; an add is never one (“add the first one …”)",
    plan: ({ text, ctx }) => {
      const answer = isAddOpening(text) ? undefined : answerFollowUp(text, ctx);
      if (answer === undefined) return undefined;
      return "plan" in answer ? answer.plan : runTurn(answer.replay, answer.ctx).plan;
    },
  },
  {
    name: "follow-up-references",
    why: "“complete it”, “delete both”: references become task numbers before any stage reads a task",
    rewrite: (turn) =>
      isAddOpening(turn.text) ? turn : { ...turn, text: rewriteReferences(turn.text, turn.ctx) },
  },
  {
    name: "impossible-date",
    why: "“add rent on feb 30” must not become a task with a wrong date, whatever the command",
    plan: ({ text }) => {
      const reply = impossibleDate(text);
      return reply === undefined ? undefined : { kind: "reply", reply };
    },
  },
  {
    name: "unsupported-verb",
    why: "“snooze the bill” asks for something there is no tool for; it is not a task called that",
    plan: ({ text }) => {
      const reply = unsupportedVerbReply(text);
      return reply === undefined ? undefined : { kind: "reply", reply };
    },
  },
  {
    name: "several",
    why: "a message of several actions is split before one command could swallow the others' words",
    plan: (turn) =>
      planSeveral(
        turn.text,
        turn.quotes,
        turn.ctx,
        (clause) => runStages(COMMAND_STAGES, { ...turn, text: clause }).plan,
      ),
  },
  ...COMMAND_STAGES,
];

/** The plan and the name of the stage that made it. */
export interface Answer {
  stage: string;
  plan: OfflinePlan;
}

/** Runs `stages` in order: rewrites apply to the stages below them, the first plan wins. */
export function runStages(stages: readonly Stage[], turn: Turn): Answer {
  let current = turn;
  for (const stage of stages) {
    if ("rewrite" in stage) {
      current = stage.rewrite(current);
      continue;
    }
    const plan = stage.plan(current);
    if (plan !== undefined) return { stage: stage.name, plan };
  }
  throw new Error("no stage answered: the stage list must end with one that always answers");
}

/** One turn through every stage. */
export function runTurn(message: string, ctx: TurnContext): Answer {
  return runStages(STAGES, { message, text: message, quotes: [], ctx });
}
