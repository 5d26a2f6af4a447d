/**
 * Several actions in one message: "add milk tomorrow and remind me to call the bank friday", "complete 3
 * and delete 4", "add eggs, bread and milk". Each clause is planned on its own by the ordinary stages;
 * the message becomes one all-or-nothing plan (offline-agent.ts rolls back the done part on a failure),
 * or, when a clause cannot be done, nothing is done and the reply says which clause.
 *
 * Where a message splits:
 * - at "and" / "then" / "," / ";" / a sentence's end before a clause that opens with a command verb of its
 *   own ("… and delete 4", "… and remind me to …"); a task verb ("… and call mom") splits only when every
 *   clause then reads as a command, so "pick up and drop off the kids" stays one task;
 * - but inside an add's items a delete / complete / reopen verb after a bare "," or "and" opens one more
 *   item ("add eggs, bin bags"), unless the part is unmistakably a command (`isItemNotCommand`);
 * - inside an add, commas separate tasks ("add eggs, bread and milk" is three) but a bare "and" never
 *   does: "add bread and butter" and "add eggs and bread" are one task each, titled as typed (say "add
 *   eggs, bread" or "add eggs and add bread" for two).
 *
 * A list said after the last item of a several-items add ("add milk, eggs and bread to Groceries", "…, and
 * bread on my Family list") is where all the items go: a list is a place, and a user who names one at the
 * end of a run of items means the run. A date or a tag said there stays the last item's ("add milk, eggs and
 * bread tomorrow" dates only the bread): a date often belongs to the one item it follows ("pay rent, call
 * mum friday"), and spreading it would guess. Only a phrase the lists stage reads as a list counts, so
 * "add milk, eggs and bread to Bakery" (no such list, no "list" said) keeps "bread to Bakery" as a title.
 */
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { CHANGE_TOOLS } from "./conversation.js";
import { findDate, removeDate } from "./dates.js";
import { rewriteFollowUp } from "./follow-up.js";
import { TAG_WORDS, TASK_VERB, verbs } from "./lexicon.js";
import { tidy } from "./normalise.js";
import { isAddOpening } from "./plan-add.js";
import { listAfterItems, planItemsIntoList } from "./plan-lists.js";
import { extractPriority } from "./priority.js";
import { isReminderDetail } from "./reminder.js";
import { findTaskNumber } from "./resolve-task.js";
import { extractTags } from "./tags.js";
import type { OfflinePlan, Step, TurnContext } from "./types.js";

/** "drop off the kids" is a task, not a delete. */
const COMMAND_VERB = new RegExp(`^(?!drop\\s+off)(?:${verbs("clause")})\\b`, "i");
const BREAK =
  /\s*(?:[,;]\s*(?:and\s+)?(?:then\s+)?|[.!?]\s+(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+|also\s+)?|\s+then\s+|\s+also\s+)\s*/gi;

/** A clause verb that deletes, completes or reopens a task ("bin", "finish", "tick", "mark", "delete" …). */
const STATE_VERB = new RegExp(
  `^(?:${(["delete", "complete", "reopen"] as const).map((means) => verbs("clause", means)).join("|")})\\b`,
  "i",
);
/**
 * A break that sets the next clause apart as an action of its own: "then", ";". Not a sentence's end: the
 * message "add eggs. bin bags" was one title before sentences split, and splitting them must not make it a
 * delete; "add eggs. delete task 4" still deletes (a task number).
 */
const HARD_BREAK = /;|\bthen\b/i;
/** "the dentist task": a clause that names one of the user's tasks as a task. */
const THE_TASK = /\bthe\s+(?:\S+\s+)+?(?:task|todo|to-do)\b/i;

/**
 * Inside an add of several items ("add eggs, bin bags", "add milk, bin bags and bread"), a part after a
 * bare "," or "and" (or a sentence's end) that opens with a delete / complete / reopen verb is one more
 * item, not a command: "bin bags", "finish report", "scrap paper" are things to buy or do, and reading them as commands deletes
 * or completes a task the user never pointed at (the assistant must not act on a guess). Such a part is a
 * command only when it cannot be an item: it names a task by number ("delete task 4", "#4") or as "the …
 * task", or a "then" or ";" sets it apart ("add eggs, then delete task 4"). A non-destructive reading is
 * the safe one: an unwanted item is one undo away, a deleted or completed task is not what was asked.
 */
function isItemNotCommand(separator: string, after: string): boolean {
  if (!STATE_VERB.test(after) || HARD_BREAK.test(separator)) return false;
  // Only the part itself counts: in "add eggs, bin bags and delete task 4" the number is the next part's.
  const next = new RegExp(BREAK.source, "i").exec(after);
  const part = next === null ? after : after.slice(0, next.index);
  return findTaskNumber(part) === undefined && !THE_TASK.test(part);
}

type PlanClause = (clause: string) => OfflinePlan;

interface Clause {
  text: string;
  /** Opens with a command verb of its own (or is the first clause). */
  explicit: boolean;
}

function splitClauses(text: string, ctx: TurnContext): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  let explicit = true;
  // Inside the items of an add: since the message or its last command clause opened with one.
  let adding = isAddOpening(text);
  for (const m of text.matchAll(BREAK)) {
    const after = text.slice(m.index + m[0].length);
    if (adding && isItemNotCommand(m[0], after)) continue;
    const command = COMMAND_VERB.test(after);
    // ", tag home", ", set to high priority": details of the task before, not a command of their own.
    // ", remind me at 8:30": the reminder of the task before (reminder.ts), not a new "remind me" task.
    if ((!command && !TASK_VERB.test(after)) || isDetail(after, ctx) || isReminderDetail(after, ctx))
      continue;
    clauses.push({ text: text.slice(start, m.index).trim(), explicit });
    start = m.index + m[0].length;
    explicit = command;
    if (command) adding = isAddOpening(after);
  }
  clauses.push({ text: text.slice(start).trim(), explicit });
  return clauses.filter((c) => c.text.length > 0);
}

const ADD_LIST = /^(?:add|create)\s+(?:(?:these|the\s+following|new)\s+)?(?:tasks?\s*:?\s+)?(.+,.+)$/i;

const DETAIL_WORDS = new RegExp(
  `\\b(?:${TAG_WORDS}|tagged|labell?ed|priority|prio|due|deadline|important|urgent|asap|description|desc|notes?|details|high|low|medium|normal|by|on|at|with|and|for|before)\\b|[#!:]|\\bp[1-4]\\b`,
  "gi",
);

/** "high priority", "tag: books", "due Feb 3rd": a comma part that only details the task before it. */
function isDetail(part: string, ctx: TurnContext): boolean {
  let rest = extractTags(part).rest.replace(
    /\b(?:tags?|tagged|labell?ed|labels?)\s*(?:as|with)?\s*:?\s*[\p{L}\p{N}_-]+/giu,
    " ",
  );
  rest = extractPriority(rest)?.rest ?? rest;
  const date = findDate(rest, ctx);
  if (date !== undefined) rest = removeDate(rest, date);
  return tidy(rest.replace(DETAIL_WORDS, " ")).length === 0;
}

/** "add eggs, bread and milk": one add per item of a comma list (none of which is only a detail). */
function addListItems(text: string, ctx: TurnContext): string[] | undefined {
  const body = ADD_LIST.exec(text)?.[1];
  if (body === undefined) return undefined;
  const parts = body.split(/\s*,\s*(?:and\s+)?/).filter((p) => p.length > 0);
  const last = parts.pop() ?? "";
  const tail = last.split(/\s+and\s+/);
  const items = [...parts, ...(tail.length === 2 ? tail : [last])];
  if (items.length < 2 || items.some((item) => isDetail(item, ctx) || isReminderDetail(item, ctx)))
    return undefined;
  return items.map((item) => `add ${item}`);
}

function stepsOf(plan: OfflinePlan): Step[] | undefined {
  if (plan.kind === "tool" && CHANGE_TOOLS.has(plan.tool))
    return [{ tool: plan.tool, arguments: plan.arguments }];
  if (plan.kind === "batch") return plan.calls.map((args) => ({ tool: plan.tool, arguments: args }));
  return undefined;
}

function whyNot(plan: OfflinePlan): string {
  if (plan.kind === "reply" || plan.kind === "clarify") return plan.reply;
  return "I can only do changes together, not a list with them; ask for the list on its own.";
}

/** The plan for a message of several actions, or undefined when it holds one. */
export function planSeveral(
  text: string,
  quotes: readonly string[],
  ctx: TurnContext,
  planClause: PlanClause,
): OfflinePlan | undefined {
  const split = splitClauses(text, ctx);
  // A clause that is itself a comma list of items ("add eggs, bin bags and delete task 4") is one add each.
  const clauses: Clause[] = split.flatMap(
    (c) => addListItems(c.text, ctx)?.map((item) => ({ text: item, explicit: true })) ?? [c],
  );
  if (clauses.length < 2) return undefined;
  // Items of one add: a comma list, or an add whose later clauses have no command verb of their own
  // ("add call mum, email Sam and book the dentist …"); the loop below makes sure they are all adds.
  const items = split.length === 1 || split.slice(1).every((c) => !c.explicit);
  const lastClause = clauses[clauses.length - 1];
  const list = items && lastClause !== undefined ? listAfterItems(lastClause.text, quotes, ctx) : undefined;
  if (list !== undefined && lastClause !== undefined)
    clauses[clauses.length - 1] = { ...lastClause, text: list.text };
  const steps: Step[] = [];
  let last: number | undefined;
  let previous: OfflinePlan | undefined;
  for (const clause of clauses) {
    // A split at a task verb only continues an add: "complete buy milk and call the bank" names two
    // tasks to complete (a set), not a completion and a new task.
    if (!clause.explicit && !(previous?.kind === "tool" && previous.tool === TOOL.addTask)) return undefined;
    // "move the bank call to friday and make it low priority": "it" is the task of the clause before.
    const said =
      last === undefined ? clause.text : (rewriteFollowUp(clause.text, [{ id: last }]) ?? clause.text);
    const plan = planClause(said);
    previous = plan;
    const found = stepsOf(plan);
    if (found !== undefined) {
      steps.push(...found);
      const id = found.length === 1 ? found[0]?.arguments.task_id : undefined;
      last = typeof id === "number" ? id : undefined;
      continue;
    }
    // A split at a task verb was a guess ("pick up and drop off the kids"): read the message as one.
    if (!clauses.every((c) => c.explicit)) return undefined;
    return {
      kind: "reply",
      reply: `I do all of a message's actions or none, and I can't do “${clause.text}”: ${whyNot(plan)} So nothing was changed.`,
    };
  }
  if (list !== undefined) return planItemsIntoList(list.ref, steps, ctx);
  return { kind: "steps", purpose: "several", steps };
}
