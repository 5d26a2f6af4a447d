/**
 * Commands on a set of tasks: "delete everything", "clear all completed", "complete all tasks tagged
 * work", "mark the milk one and the dry cleaning one done", "delete tasks 3, 5 and 9". The set is read
 * exactly or nothing happens: never one guessed task. Deleting more than one task first shows the set
 * and asks for a reply naming the ids ("yes, delete tasks 3, 5 and 9"), which is itself a complete
 * command, so any replica answers it the same with or without the conversation's history.
 */
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { isOverdue } from "./clock.js";
import { tasksOf } from "./known-tasks.js";
import { DONE_WORDS, MARK_VERBS, verbs } from "./lexicon.js";
import { extractPriority } from "./priority.js";
import { contentWords, readPhrase, resolveTask, scoreTask } from "./resolve-task.js";
import { extractTags } from "./tags.js";
import { cleanReference } from "./task-reference.js";
import type { BatchPlan, BulkAction, KnownTask, OfflinePlan, TurnContext } from "./types.js";

// A following "out" or "off" ("clear out", "tick off") is taken with the verb by readAction.
const DELETE_VERB = new RegExp(`^(?:${verbs("set", "delete")})\\b\\s*`, "i");
const COMPLETE_VERB = new RegExp(
  `^(?:${verbs("set", "complete")}|(?:${MARK_VERBS})(?=\\s.+\\s(?:as\\s+)?(?:${DONE_WORDS})$))\\b\\s*`,
  "i",
);
const REOPEN_VERB = new RegExp(
  `^(?:${verbs("set", "reopen")}|(?:${MARK_VERBS})(?=\\s.+\\s(?:as\\s+)?(?:not\\s+done|undone|incomplete|pending|open|not\\s+completed)$))\\b\\s*`,
  "i",
);
/** The status said after the set: "mark … as done", "mark … as not done". */
const TRAILING_STATUS = new RegExp(
  `\\s+(?:as\\s+)?(?:not\\s+(?:yet\\s+)?(?:${DONE_WORDS})|undone|incomplete|pending|open|${DONE_WORDS})$|\\s+off$`,
  "i",
);

const PRONOUN_SET =
  /^\s*(?:(?:all|both)\s+(?:of\s+)?(?:them|these|those)|(?:them|these|those)(?:\s+(?:all|both))?|both|these|those)(?:\s+(?:tasks|ones|todos|items))?\s*$/i;
const QUANTIFIER = /\b(?:all|every|everything|each|both|any)\b/i;
const PLURAL_SET = /\b(?:tasks|todos|to-dos|items|ones|entries)\b/i;
const COMPLETED_WORD = /\b(?:completed|done|finished|closed|checked(?:\s+off)?|ticked(?:\s+off)?)\b/i;
const PENDING_WORD =
  /\b(?:pending|open|unfinished|incomplete|uncompleted|undone|active|remaining|outstanding)\b/i;
const OVERDUE_WORD = /\b(?:overdue|late|past\s+due)\b/i;
/** Words that shape a set without naming anything: "delete all of my tasks on the list". */
const SET_FILLER = new Set(
  (
    "all every everything each both any of my the our tasks task todos todo to-dos items item ones one entries " +
    "them those these on in from list that are is which with tagged tag tags labelled label marked as"
  ).split(" "),
);

/** Several references: "the milk one and the dry cleaning one", "4, 7 and 9", "task 3 & task 8". */
const LIST_SEPARATOR =
  /\s*(?:,\s*(?:and\s+|&\s+)?|\s&\s|\s\+\s|\s+and\s+(?:also\s+)?|\s+as\s+well\s+as\s+)\s*/i;

interface ActionWords {
  action: BulkAction;
  rest: string;
}

function readAction(text: string): ActionWords | undefined {
  for (const [action, verb] of [
    ["reopen", REOPEN_VERB],
    ["delete", DELETE_VERB],
    ["complete", COMPLETE_VERB],
  ] as const) {
    const m = verb.exec(text);
    if (m === null) continue;
    const rest = text.slice(m[0].length).replace(/^(?:off|out)\s+/i, "");
    return { action, rest: action === "delete" ? rest : rest.replace(TRAILING_STATUS, "") };
  }
  return undefined;
}

export type SetReading =
  | { kind: "set"; tasks: KnownTask[]; described: string }
  | { kind: "unknown"; reply: string };

function isDone(task: KnownTask): boolean {
  return task.completed === true;
}

/** "all completed tasks tagged work": a set described by filters, or undefined when the phrase is not one. */
function readFilteredSet(phrase: string, ctx: TurnContext): SetReading | undefined {
  const quantified = QUANTIFIER.test(phrase);
  const filtered = COMPLETED_WORD.test(phrase) || PENDING_WORD.test(phrase) || OVERDUE_WORD.test(phrase);
  if (!quantified && !(PLURAL_SET.test(phrase) && (filtered || /#[\p{L}_]/u.test(phrase)))) return undefined;
  let tasks = [...tasksOf(ctx)];
  const said: string[] = [];
  let work = phrase;
  if (COMPLETED_WORD.test(work)) {
    tasks = tasks.filter(isDone);
    said.push("completed");
    work = work.replace(COMPLETED_WORD, " ");
  } else if (PENDING_WORD.test(work)) {
    tasks = tasks.filter((t) => !isDone(t));
    said.push("pending");
    work = work.replace(PENDING_WORD, " ");
  } else if (OVERDUE_WORD.test(work)) {
    tasks = tasks.filter((t) => !isDone(t) && isOverdue(t.due_at, ctx.now, ctx.timeZone));
    said.push("overdue");
    work = work.replace(OVERDUE_WORD, " ");
  }
  const priority = extractPriority(work);
  if (priority !== undefined) {
    tasks = tasks.filter((t) => (t.priority ?? "none") === priority.priority);
    said.push(`${priority.priority}-priority`);
    work = priority.rest;
  }
  const tagged = extractTags(work);
  work = tagged.rest;
  const known = new Set(
    tasksOf(ctx)
      .flatMap((t) => t.tags ?? [])
      .map((t) => t.toLowerCase()),
  );
  const tags = [...tagged.tags];
  // "all work tasks": a bare word that is one of the user's tags.
  const words = contentWords(work).filter((w) => !SET_FILLER.has(w));
  const titleWords: string[] = [];
  for (const w of words) {
    if (tags.length === 0 && known.has(w)) tags.push(w);
    else titleWords.push(w);
  }
  for (const tag of tags) tasks = tasks.filter((t) => (t.tags ?? []).some((x) => x.toLowerCase() === tag));
  if (titleWords.length > 0) {
    // "all the milk tasks": every task whose title has these words.
    const read = readPhrase(titleWords.join(" "));
    tasks = tasks.filter((t) => scoreTask(read, t) >= read.words.length * 0.7);
    said.push(`matching “${titleWords.join(" ")}”`);
  }
  const tagText = tags.length > 0 ? ` tagged ${tags.map((t) => `#${t}`).join(" and ")}` : "";
  const adjectives = said.filter((s) => !s.startsWith("matching"));
  const matching = said.find((s) => s.startsWith("matching"));
  const described =
    `${adjectives.length > 0 ? `${adjectives.join(" ")} ` : ""}tasks${tagText}${matching ? ` ${matching}` : ""}`.trim();
  return { kind: "set", tasks, described };
}

/** "the milk one and the dry cleaning one": each part must name exactly one task, all different. */
function readEnumeratedSet(
  phrase: string,
  quotes: readonly string[],
  ctx: TurnContext,
): SetReading | undefined {
  const parts = phrase.split(LIST_SEPARATOR).filter((p) => p.trim().length > 0);
  if (parts.length < 2) return undefined;
  // A title that itself holds "and" ("buy bread and milk") is one task, not two.
  const whole = resolveTask(cleanReference(phrase, quotes), tasksOf(ctx));
  if (whole.kind === "match" && scoreTask(cleanReference(phrase, quotes), whole.task) >= 10) return undefined;
  const found: KnownTask[] = [];
  const problems: string[] = [];
  for (const part of parts) {
    const cleaned = cleanReference(part, quotes);
    const r = resolveTask(cleaned, tasksOf(ctx));
    if (r.kind === "id") {
      if (r.task === undefined) problems.push(`there is no task #${r.id}`);
      else found.push(r.task);
    } else if (r.kind === "match") found.push(r.task);
    else if (r.kind === "ambiguous")
      problems.push(
        `“${cleaned}” matches ${r.candidates.length} tasks (${r.candidates.map((t) => `#${t.id}`).join(", ")})`,
      );
    else problems.push(`no task matches “${cleaned}”`);
  }
  const distinct = new Set(found.map((t) => t.id));
  // Parts that all land on one task were one reference split at an "and" in its title.
  if (problems.length === 0 && distinct.size < 2) return undefined;
  if (problems.length > 0) {
    // Nothing in the phrase resolved on its own: it is one reference, left to the single-task planner.
    if (found.length === 0 && (whole.kind === "match" || whole.kind === "id")) return undefined;
    return {
      kind: "unknown",
      reply: `I couldn't tell which tasks you mean: ${problems.join("; ")}. Nothing was changed. Name each task by its number, like “tasks 3 and 5”.`,
    };
  }
  return { kind: "set", tasks: tasksOf(ctx).filter((t) => distinct.has(t.id)), described: "tasks you named" };
}

/** The set a reference phrase names, if it names more than one task (or a quantified set). */
export function readTaskSet(
  phrase: string,
  quotes: readonly string[],
  ctx: TurnContext,
): SetReading | undefined {
  // "mark both done", "delete them all" with no set in the last answer to point at (follow-up.ts
  // rewrites them to task numbers when there is one).
  if (PRONOUN_SET.test(phrase))
    return {
      kind: "unknown",
      reply:
        "Which tasks? My last message listed none to point at, so name them, like “complete tasks 3 and 5” or “delete all completed tasks”. Nothing was changed.",
    };
  return readFilteredSet(phrase, ctx) ?? readEnumeratedSet(phrase, quotes, ctx);
}

/** True when a phrase refers to several tasks: a command on it must not pick one of them. */
export function namesSeveral(phrase: string, quotes: readonly string[], ctx: TurnContext): boolean {
  if (QUANTIFIER.test(phrase) && /\b(?:all|every|everything|each|both)\b/i.test(phrase)) return true;
  const set = readEnumeratedSet(phrase, quotes, ctx);
  return set !== undefined;
}

function list(tasks: readonly KnownTask[]): string {
  return tasks.map((t) => `#${t.id} “${t.title}”`).join(", ");
}

export function idList(ids: readonly (number | string)[]): string {
  if (ids.length <= 1) return ids.join("");
  return `${ids.slice(0, -1).join(", ")} and ${String(ids.at(-1))}`;
}

/** The exact reply that confirms deleting these tasks. */
export function confirmPhrase(ids: readonly number[]): string {
  return `yes, delete tasks ${idList(ids)}`;
}

const CONFIRM = new RegExp(
  `^\\s*(?:yes|yep|yeah|y|confirm(?:ed)?|ok(?:ay)?|sure)\\s*[,.!:;-]?\\s*(?:please\\s+)?(?:${verbs("confirm")})\\s+(?:the\\s+)?(?:tasks?\\s+)?(#?\\d+(?:\\s*(?:,|&|\\band\\b)\\s*(?:and\\s+)?#?\\d+)*)\\s*[.!]*\\s*$`,
  "i",
);
const BARE_YES =
  /^\s*(?:yes|yep|yeah|y|confirm(?:ed)?|ok(?:ay)?|sure|do\s+it|go\s+ahead)(?:\s*,?\s*(?:please|do\s+it|go\s+ahead))?\s*[.!]*\s*$/i;
const ASKED = /Reply “(yes, delete tasks [\d, and]+)” to confirm/;

/**
 * "yes, delete tasks 3, 5 and 9": the confirmation of a set deletion, read from the message alone. A bare
 * "yes" right after the question confirms the phrase the question asked for (kept in the conversation).
 */
export function planConfirmation(message: string, ctx: TurnContext): OfflinePlan | undefined {
  let said = message;
  if (BARE_YES.test(message)) {
    const last = [...(ctx.history ?? [])].reverse().find((m) => m.role === "assistant");
    const asked = last === undefined ? null : ASKED.exec(last.content);
    if (asked?.[1] === undefined) return undefined;
    said = asked[1];
  }
  const m = CONFIRM.exec(said);
  if (m?.[1] === undefined) return undefined;
  const ids = [...new Set([...m[1].matchAll(/\d+/g)].map((d) => Number(d[0])))];
  const missing = ids.filter((id) => !tasksOf(ctx).some((t) => t.id === id));
  if (missing.length > 0)
    return {
      kind: "reply",
      reply: `Task${missing.length > 1 ? "s" : ""} ${idList(missing.map((id) => `#${id}`))} no longer exist${missing.length > 1 ? "" : "s"}, so I deleted nothing. Say “show my tasks” and try again.`,
    };
  const tasks = ids.map((id) => tasksOf(ctx).find((t) => t.id === id)).filter((t) => t !== undefined);
  return batchPlan("delete", tasks);
}

function batchPlan(action: BulkAction, tasks: KnownTask[]): OfflinePlan {
  const [only] = tasks;
  if (only !== undefined && tasks.length === 1) {
    const args: Record<string, unknown> = { task_id: only.id };
    if (action === "reopen") args.completed = false;
    return { kind: "tool", tool: toolOf(action), arguments: args };
  }
  return {
    kind: "batch",
    action,
    tool: toolOf(action),
    calls: tasks.map((t) => (action === "reopen" ? { task_id: t.id, completed: false } : { task_id: t.id })),
    tasks: tasks.map((t) => ({ id: t.id, title: t.title })),
  };
}

function toolOf(action: BulkAction): BatchPlan["tool"] {
  return action === "complete" ? TOOL.completeTask : action === "delete" ? TOOL.deleteTask : TOOL.updateTask;
}

/** Plans a command on a set of tasks, or undefined when the message does not name a set. */
export function planBulk(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const said = readAction(text);
  if (said === undefined || said.rest.trim().length === 0) return undefined;
  const set = readTaskSet(said.rest, quotes, ctx);
  if (set === undefined) return undefined;
  if (set.kind === "unknown") return { kind: "reply", reply: set.reply };
  const { action } = said;
  // Completing acts on the open tasks of the set, reopening on the done ones; the others are already so.
  const targets =
    action === "complete"
      ? set.tasks.filter((t) => !isDone(t))
      : action === "reopen"
        ? set.tasks.filter(isDone)
        : set.tasks;
  const already = set.tasks.length - targets.length;
  if (targets.length === 0) {
    const why =
      set.tasks.length === 0
        ? `You have no ${set.described}`
        : `All ${set.tasks.length} ${set.described} are already ${action === "complete" ? "done" : "open"}`;
    return { kind: "reply", reply: `${why}, so nothing was changed.` };
  }
  if (action === "delete" && targets.length > 1) {
    const ids = targets.map((t) => t.id);
    return {
      kind: "reply",
      reply: `This would delete ${targets.length} ${set.described}: ${list(targets)}. Nothing is deleted yet. Reply “${confirmPhrase(ids)}” to confirm.`,
    };
  }
  const plan = batchPlan(action, targets);
  if (plan.kind === "batch" && already > 0)
    plan.note = `${already} of them ${already > 1 ? "were" : "was"} already ${action === "complete" ? "done" : "open"}.`;
  return plan;
}
