/**
 * Lists (projects) in the user's words: "add milk to Groceries", "what's in Work?", "move task 5 to Work",
 * "take the dentist task out of Health", "create a list called Health", "rename list Health to Wellbeing",
 * "delete the Health list" (asks first), "what lists do I have?".
 *
 * When a phrase is a list. "to Groceries" / "on Work" / "in Health" names a list only when it is one of
 * the user's lists (case-insensitive, "grocery" meets "Groceries"), or when the sentence says "list" ("to
 * my groceries list", "the list called Health"). Otherwise the words stay what they were before lists
 * existed: "add send the invoice to ACME" is a task titled so, "move task 4 to friday" a new due. A list
 * said with "list" that the user does not have is asked about, never created silently; "my list", "the
 * todo list" and "my shopping list" are the whole task list (the Inbox) unless a list has that name.
 *
 * The user's lists are read through `listsOf` (known-tasks.ts): only a message shaped like one of these
 * commands costs a list_lists call.
 */
import { INBOX } from "@taskflow/contracts";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { findDate } from "./dates.js";
import { listsOf, tasksOf } from "./known-tasks.js";
import { GENERIC_LIST_NAMES, PLEASE, TAG_WORDS, verbs } from "./lexicon.js";
import { restoreQuotes, tidy } from "./normalise.js";
import { isAddCommand, planAddCommand, stripOpening } from "./plan-add.js";
import { findTaskNumber } from "./resolve-task.js";
import { targetTask } from "./task-reference.js";
import type { KnownList, OfflinePlan, Step, TurnContext } from "./types.js";

/** One word of a list's name, or a quoted span (a placeholder ⟦a⟧). */
const WORD = "(?:⟦[a-z]⟧|[\\p{L}\\p{N}][\\p{L}\\p{N}'&.+-]*)";
/** A list's name as said: one to four words. */
const NAME = `${WORD}(?:\\s+${WORD}){0,3}`;
const NAME_ONLY = new RegExp(`^${NAME}$`, "u");
const GENERIC = new RegExp(`^(?:${GENERIC_LIST_NAMES})$`, "i");
const INBOX_SAID = /^(?:(?:the|my)\s+)?inbox(?:\s+list)?$/i;
const OWNER = /^(?:the|my|our)\s+/i;
/** "the list called Health": the word list said before the name ("my list today" is the whole list). */
const LIST_BEFORE = /^list\s+(?:called|named|titled)\s+/i;
/**
 * Words a list's name said with "list" never holds unless quoted: "remove task 3 from my list" names the
 * whole list, not one called "task 3 from my".
 */
const NOT_IN_A_NAME =
  /\b(?:from|to|into|onto|in|on|off|of|out|my|the|our|for|about|with|task|tasks|todo|todos|item|items)\b|\d/i;
/** "the Health list": the word list said after the name. */
const LIST_AFTER = /\s+list$/i;

export type ListRef =
  | { kind: "inbox" }
  | { kind: "list"; name: string }
  /** Said with "list", but the user has no list of that name. */
  | { kind: "unknown"; name: string };

/** A list name as compared: lower case, single spaces, a plural's ending dropped ("groceries" → "grocery"). */
function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ies$/, "y")
    .replace(/([^s])s$/, "$1");
}

/** The user's list called `name` (exactly, whatever the case; else singular meets plural). */
export function findList(name: string, lists: readonly KnownList[]): KnownList | undefined {
  const lower = name.toLowerCase().replace(/\s+/g, " ").trim();
  return lists.find((l) => l.name.toLowerCase() === lower) ?? lists.find((l) => key(l.name) === key(name));
}

/**
 * What a phrase after "to", "in", "out of"… names: the Inbox, one of the user's lists, a list said with
 * "list" that the user does not have, or no list (undefined: the words mean something else).
 */
export function readListRef(
  phrase: string,
  quotes: readonly string[],
  ctx: TurnContext,
): ListRef | undefined {
  let said = tidy(phrase).replace(OWNER, "");
  if (INBOX_SAID.test(said)) return { kind: "inbox" };
  let saidList = false;
  if (LIST_BEFORE.test(said)) {
    said = said.replace(LIST_BEFORE, "");
    saidList = true;
  } else if (/^list\b/i.test(said)) {
    return undefined;
  } else if (LIST_AFTER.test(said)) {
    said = said.replace(LIST_AFTER, "").replace(OWNER, "");
    saidList = true;
  }
  if (!NAME_ONLY.test(said)) return undefined;
  const name = tidy(restoreQuotes(said, quotes));
  if (name.length === 0) return undefined;
  // "today", "friday 3pm": a date, never a list's name (and no list lookup for it).
  if (!saidList && findDate(name, ctx) !== undefined) return undefined;
  const known = findList(name, listsOf(ctx));
  if (known !== undefined) return { kind: "list", name: known.name };
  if (!saidList || GENERIC.test(name) || NOT_IN_A_NAME.test(said)) return undefined;
  return { kind: "unknown", name };
}

/** "You have no list called X", with the lists there are. */
function noSuchList(name: string, ctx: TurnContext, tail: string): string {
  const lists = listsOf(ctx);
  const yours =
    lists.length === 0
      ? "You have no lists yet."
      : `Your lists: ${lists.map((l) => `“${l.name}”`).join(", ")}.`;
  return `You have no list called “${name}”. ${yours} ${tail}`.trim();
}

const where = (ref: { kind: "inbox" } | { kind: "list"; name: string }) =>
  ref.kind === "inbox" ? "inbox" : ref.name;

// --- what lists do I have -------------------------------------------------------------------------

const WHAT_LISTS =
  /^(?:(?:what|which)\s+lists\s+(?:do\s+i\s+have|have\s+i\s+got|are\s+there|exist|do\s+i\s+got)|(?:what\s+are|what's|whats|what're)\s+(?:all\s+)?(?:my|the)\s+lists|how\s+many\s+lists\s+(?:do\s+i\s+have|have\s+i\s+got|are\s+there)|(?:show|list|see|display|view|get|give)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:my|the|all)\s+(?:the\s+)?lists|(?:all\s+)?my\s+lists|lists|(?:do\s+i\s+have|have\s+i\s+got)\s+any\s+lists)\??$/i;

// --- create, rename, delete -------------------------------------------------------------------------

/** "create a list called Health", "make a new list: Health" (an article or "new" before "list"). */
const CREATE_CALLED = new RegExp(
  `^(?:${verbs("make-list")})\\s+(?:me\\s+)?(?:(?:a|an|another)\\s+(?:new\\s+)?|new\\s+)list\\b\\s*(?:(?:called|named|titled|for)\\b\\s*)?:?\\s*(${NAME})$`,
  "iu",
);
/** "new list Health", "create list: Health". */
const CREATE_BARE = new RegExp(
  `^(?:new|create)\\s+list\\b\\s*(?:(?:called|named|titled)\\b\\s*)?:?\\s*(${NAME})$`,
  "iu",
);
/** "create a Health list", "make a new grocery list". */
const CREATE_NAMED = new RegExp(
  `^(?:${verbs("make-list")})\\s+(?:me\\s+)?(?:(?:a|an|another)\\s+(?:new\\s+)?|new\\s+)(${NAME})\\s+list$`,
  "iu",
);
const NOT_A_NEW_LIST = /^(?:todo|to-do|to\s+do|task|tasks)$/i;

const RENAME_SAID = new RegExp(
  `^(?:${verbs("rename-list")})\\s+(?:the\\s+|my\\s+)?(?:list\\s+(?:called\\s+|named\\s+)?(${NAME})|(${NAME})\\s+list)\\s+(?:to|as|into)\\s+(.+)$`,
  "iu",
);
const RENAME_BARE = new RegExp(
  `^(?:${verbs("rename-list")})\\s+(?:the\\s+|my\\s+)?(${NAME})\\s+(?:to|as|into)\\s+(.+)$`,
  "iu",
);

const DROP = new RegExp(
  `^(?:${verbs("drop-list")})\\s+(?:the\\s+|my\\s+)?(?:whole\\s+|entire\\s+)?(?:list\\s+(?:called\\s+|named\\s+)?(${NAME})|(${NAME})\\s+list)$`,
  "iu",
);

/** A list's new name as said: quotes restored, "please" and a trailing "list" dropped. */
function newName(said: string, quotes: readonly string[]): string {
  return tidy(
    restoreQuotes(said, quotes)
      .replace(new RegExp(`\\s+(?:${PLEASE})$`, "i"), "")
      .replace(/\s+list$/i, ""),
  );
}

/** The confirmation a list deletion asks for (plan-lists' `planListConfirmation` reads it). */
export function confirmListPhrase(name: string): string {
  return `yes, delete the ${name} list`;
}

function planCreate(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const said = (CREATE_CALLED.exec(text) ?? CREATE_BARE.exec(text))?.[1];
  const named = said === undefined ? CREATE_NAMED.exec(text)?.[1] : undefined;
  // "add a task to my list": words no list's name holds unless quoted.
  if (named !== undefined && NOT_IN_A_NAME.test(named)) return undefined;
  const raw = said ?? named;
  if (raw === undefined) return undefined;
  const name = newName(raw.replace(OWNER, ""), quotes);
  if (name.length === 0 || NOT_A_NEW_LIST.test(name)) return undefined;
  if (name.toLowerCase() === INBOX)
    return { kind: "reply", reply: "The Inbox is where tasks in no list are; a list can't be called that." };
  const existing = findList(name, listsOf(ctx));
  if (existing !== undefined && existing.name.toLowerCase() === name.toLowerCase())
    return {
      kind: "reply",
      reply: `You already have a list called “${existing.name}”. Nothing was changed.`,
    };
  return { kind: "tool", tool: TOOL.createList, arguments: { name } };
}

function planRename(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const said = RENAME_SAID.exec(text);
  const bare = said === null ? RENAME_BARE.exec(text) : null;
  const current = said === null ? bare?.[1] : (said[1] ?? said[2]);
  const to = said === null ? bare?.[2] : said[3];
  if (current === undefined || to === undefined) return undefined;
  // "rename task 4 to …", "rename it to …": a task, never a list.
  if (findTaskNumber(current) !== undefined || (said === null && NOT_IN_A_NAME.test(current)))
    return undefined;
  const name = tidy(restoreQuotes(current, quotes));
  const known = findList(name, listsOf(ctx));
  if (known === undefined) {
    if (said === null) return undefined;
    return { kind: "reply", reply: noSuchList(name, ctx, "Nothing was changed.") };
  }
  const renamed = newName(to, quotes);
  if (renamed.length === 0) return undefined;
  return { kind: "tool", tool: TOOL.renameList, arguments: { list: known.name, name: renamed } };
}

function planDrop(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const m = DROP.exec(text);
  const said = m?.[1] ?? m?.[2];
  // "remove task 3 from my list": a task off the whole list, not a list called "task 3 from my".
  if (said === undefined || NOT_IN_A_NAME.test(said)) return undefined;
  const name = tidy(restoreQuotes(said, quotes));
  if (GENERIC.test(name) && findList(name, listsOf(ctx)) === undefined) return undefined;
  if (INBOX_SAID.test(name))
    return { kind: "reply", reply: "The Inbox holds the tasks in no list; it can't be deleted." };
  const known = findList(name, listsOf(ctx));
  if (known === undefined) return { kind: "reply", reply: noSuchList(name, ctx, "Nothing was deleted.") };
  const count =
    known.task_count === undefined
      ? "its tasks"
      : known.task_count === 1
        ? "its 1 open task (and any done ones)"
        : `its ${known.task_count} open tasks (and any done ones)`;
  return {
    kind: "reply",
    reply: `This would delete the list “${known.name}”; ${count} would move to the Inbox, nothing is lost. Nothing is deleted yet. Reply “${confirmListPhrase(known.name)}” to confirm.`,
  };
}

const CONFIRM_DROP = new RegExp(
  `^\\s*(?:yes|yep|yeah|y|confirm(?:ed)?|ok(?:ay)?|sure)\\s*[,.!:;-]?\\s*(?:please\\s+)?(?:${verbs("drop-list")})\\s+(?:the\\s+)?(?:list\\s+(.+?)|(.+?)\\s+list)\\s*[.!]*\\s*$`,
  "iu",
);
const BARE_YES =
  /^\s*(?:yes|yep|yeah|y|confirm(?:ed)?|ok(?:ay)?|sure|do\s+it|go\s+ahead)(?:\s*,?\s*(?:please|do\s+it|go\s+ahead))?\s*[.!]*\s*$/i;
const ASKED_DROP = /Reply “yes, delete the (.+) list” to confirm\.$/;

/**
 * "yes, delete the Health list": the confirmation of a list deletion, read from the message alone; a bare
 * "yes" right after the question confirms the list it named.
 */
export function planListConfirmation(message: string, ctx: TurnContext): OfflinePlan | undefined {
  const said = CONFIRM_DROP.exec(message.replace(/[\u2018\u2019]/g, "'"));
  let name = said === null ? undefined : (said[1] ?? said[2]);
  // "yes, remove milk from my shopping list" removes a task: no list's name holds "from my".
  if (name !== undefined && NOT_IN_A_NAME.test(name)) return undefined;
  if (name === undefined && BARE_YES.test(message)) {
    const last = [...(ctx.history ?? [])].reverse().find((m) => m.role === "assistant");
    name = last === undefined ? undefined : ASKED_DROP.exec(last.content.trim())?.[1];
  }
  if (name === undefined) return undefined;
  const list = name.trim().replace(/^["“]|["”]$/g, "");
  return { kind: "tool", tool: TOOL.deleteList, arguments: { list } };
}

// --- show a list ------------------------------------------------------------------------------------

const SHOW_IN =
  /^(?:what(?:'s|s|\s+is|\s+are|'re)?|what\s+(?:do|have)\s+i\s+(?:got|have|got\s+left|have\s+left)|(?:is\s+there\s+)?anything|(?:show|list|display|view|see|get|check|pull\s+up)(?:\s+me)?(?:\s+(?:all\s+)?(?:the\s+)?(?:tasks?|items?|todos?|everything|what(?:'s|s|\s+is)))?)\s+(?:(?:left|open|still|else|pending|remaining|to\s+do)\s+)?(?:in|on|under|inside)\s+(.+?)\??$/iu;
const SHOW_LIST = new RegExp(
  `^(?:show|list|display|view|see|open|get|check|pull\\s+up)(?:\\s+me)?\\s+((?:the\\s+|my\\s+)?(?:list\\s+(?:called\\s+|named\\s+)?${NAME}|${NAME}\\s+list))\\??$`,
  "iu",
);
/** "what's on today", "what's on my plate": not a list's name, and no lookup for it. */
const NOT_A_LIST_NAME =
  /^(?:(?:the|my)\s+)?(?:plate|agenda|schedule|calendar|trash|bin|list|todo\s+list|to-do\s+list|task\s+list|for\b.*|tap|deck|the\s+cards)$/i;

function planShow(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const said = SHOW_IN.exec(text)?.[1] ?? SHOW_LIST.exec(text)?.[1];
  if (said === undefined || NOT_A_LIST_NAME.test(said)) return undefined;
  const ref = readListRef(said, quotes, ctx);
  if (ref === undefined) return undefined;
  if (ref.kind === "unknown")
    return { kind: "reply", reply: noSuchList(ref.name, ctx, "Say “what lists do I have?” to see them.") };
  const name = ref.kind === "inbox" ? "the Inbox" : ref.name;
  return {
    kind: "tool",
    tool: TOOL.listTasks,
    arguments: { list: where(ref), status: "pending" },
    view: { kind: "in_list", name },
  };
}

// --- move a task ------------------------------------------------------------------------------------

const MOVE_OUT = new RegExp(`^(?:${verbs("out-of-list")})\\s+(.+?)\\s+(?:out\\s+of|from)\\s+(.+)$`, "iu");
const MOVE_INTO = new RegExp(
  `^(?:${verbs("into-list")})\\s+(.+)\\s+(?:to|into|in|onto|on|under)\\s+(.+)$`,
  "iu",
);
/** "put" moves a task only when the task is named as one ("put task 4 in Work", "put the dentist task …"). */
const PUT = /^(?:put)\b/i;
const NAMED_AS_TASK = /\b(?:task|todo|to-do|item)\b|#\d+/i;
const NOT_A_TASK_PHRASE = new RegExp(
  `\\b(?:${TAG_WORDS}|due\\s+date|date|deadline|priority|reminder|repeat)\\b`,
  "i",
);

function planMove(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const out = MOVE_OUT.exec(text);
  const into = out === null ? MOVE_INTO.exec(text) : null;
  const m = out ?? into;
  const phrase = m?.[1];
  const said = m?.[2];
  if (phrase === undefined || said === undefined) return undefined;
  // "remove the work tag from task 4", "move the due date to friday": a field of a task, not a list.
  if (NOT_A_TASK_PHRASE.test(phrase) || findTaskNumber(said) !== undefined) return undefined;
  if (into !== null && PUT.test(text) && !NAMED_AS_TASK.test(phrase)) return undefined;
  if (NOT_A_LIST_NAME.test(said)) return undefined;
  const ref = readListRef(said, quotes, ctx);
  if (ref === undefined) return undefined;
  if (ref.kind === "unknown")
    return { kind: "reply", reply: noSuchList(ref.name, ctx, "Nothing was moved.") };
  const target = targetTask(phrase, quotes, tasksOf(ctx));
  if (!target.ok) return target.plan;
  if (out !== null) {
    if (ref.kind === "inbox")
      return { kind: "reply", reply: "That task is not in a list: it is in the Inbox already." };
    const inList = target.task?.list;
    if (inList !== undefined && inList?.toLowerCase() !== ref.name.toLowerCase())
      return {
        kind: "reply",
        reply: `‘${target.task?.title ?? `#${target.id}`}’ is not in “${ref.name}” (it is in ${inList === null ? "the Inbox" : `“${inList}”`}). Nothing was moved.`,
      };
    return { kind: "tool", tool: TOOL.updateTask, arguments: { task_id: target.id, list: "inbox" } };
  }
  return { kind: "tool", tool: TOOL.updateTask, arguments: { task_id: target.id, list: where(ref) } };
}

// --- add to a list ----------------------------------------------------------------------------------

const LIST_PREPOSITION = /\s(?:to|on|onto|into|in)\s+/gi;
/** What may follow a list's name at the end of an add: tags, a priority mark, "please". */
const ADD_TAIL = new RegExp(
  `(?:\\s+(?:#[\\p{L}_][\\p{L}\\p{N}_-]*|!(?:high|medium|low|urgent)|p[1-3]|${PLEASE}))+$`,
  "iu",
);

/** A verb whose "to" is its own: "go to work" is a trip even when a list is called Work. */
const GOES_TO =
  /\b(?:go|goes|going|come|drive|walk|run|head|fly|travel|commute|ride|cycle|return|send|give|bring|take|email|text|write|talk|speak|reply|respond|listen|say|get|move)$/i;

/** The words that lead a date in: "by monday", "due friday", "on the 5th". */
const DATE_LEAD = /\s+(?:(?:due|by|on|at|before|for|from|until|till|starting)\s+)+$/i;

export interface ListInAdd {
  ref: ListRef;
  /** The add with the list's words replaced by "on the list" (which the add reader drops). */
  text: string;
}

/** The list an add names at its end ("add milk to Groceries tomorrow #x"), if any. */
function listInAdd(text: string, quotes: readonly string[], ctx: TurnContext): ListInAdd | undefined {
  // Where the task's words start, after "add", "remind me to", "put …" (the opening is cut from the front).
  const titleAt = text.length - stripOpening(text).length;
  const at = [...text.matchAll(LIST_PREPOSITION)].map((m) => ({ index: m.index, length: m[0].length }));
  for (const p of at.reverse().slice(0, 2)) {
    let rest = text.slice(p.index + p.length);
    const tail = ADD_TAIL.exec(rest);
    const kept = tail === null ? "" : tail[0];
    if (tail !== null) rest = rest.slice(0, tail.index);
    const date = findDate(rest, ctx);
    let dated = "";
    if (date !== undefined && date.index > 0) {
      // "to Work by monday": the date's own "by" goes with it.
      const cut = DATE_LEAD.exec(rest.slice(0, date.index))?.index ?? date.index;
      dated = ` ${rest.slice(cut)}`;
      rest = rest.slice(0, cut);
    }
    // The task's own words must come before the list: "remind me to call the bank" names no list.
    const before = text.slice(titleAt, p.index).trim();
    if (p.index < titleAt || before.length === 0 || rest.trim().length === 0) continue;
    if (NOT_A_LIST_NAME.test(rest.trim())) continue;
    const ref = readListRef(rest, quotes, ctx);
    // "add go to work", "add send it to Sam": the verb's own "to", unless the sentence says "list".
    if (ref?.kind === "list" && GOES_TO.test(before) && !/\blist$/i.test(rest.trim())) continue;
    if (ref === undefined) continue;
    return { ref, text: `${text.slice(0, p.index)} on the list${dated}${kept}` };
  }
  return undefined;
}

function planAddToList(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  if (!isAddCommand(text, ctx)) return undefined;
  const found = listInAdd(text, quotes, ctx);
  if (found === undefined) return undefined;
  const plan = planAddCommand(found.text, quotes, ctx);
  if (plan?.kind !== "tool" || plan.tool !== TOOL.addTask) return plan;
  const { ref } = found;
  if (ref.kind !== "unknown") return { ...plan, arguments: { ...plan.arguments, list: where(ref) } };
  const answer = ctx.missingList;
  if (answer?.answer === "inbox" && answer.name.toLowerCase() === ref.name.toLowerCase()) return plan;
  // The question, or the list made and the task added to it: as for several items.
  return planItemsIntoList(ref, [{ tool: TOOL.addTask, arguments: plan.arguments }], ctx);
}

/**
 * The list a several-items add names after its last item ("add milk, eggs and bread to Groceries"): read
 * off that last item as a one-item add would read it, with `text` the item without the list's words.
 */
export function listAfterItems(
  lastItem: string,
  quotes: readonly string[],
  ctx: TurnContext,
): ListInAdd | undefined {
  return listInAdd(lastItem, quotes, ctx);
}

/**
 * Every add of a several-items add put into the list said after the last item; an item that names a list
 * of its own ("add milk to Work, eggs and bread to Groceries") keeps it. A list the user does not have is
 * asked about as a one-item add does, and the answer ("create it" / "inbox") replays the whole message.
 */
export function planItemsIntoList(ref: ListRef, adds: readonly Step[], ctx: TurnContext): OfflinePlan {
  const into = (list: string | undefined): Step[] =>
    adds.map((step) =>
      list === undefined || step.tool !== TOOL.addTask || step.arguments.list !== undefined
        ? step
        : { ...step, arguments: { ...step.arguments, list } },
    );
  if (ref.kind !== "unknown") return { kind: "steps", purpose: "several", steps: into(where(ref)) };
  const answer = ctx.missingList;
  if (answer !== undefined && answer.name.toLowerCase() === ref.name.toLowerCase()) {
    if (answer.answer === "inbox") return { kind: "steps", purpose: "several", steps: into(undefined) };
    return {
      kind: "steps",
      purpose: "several",
      steps: [{ tool: TOOL.createList, arguments: { name: ref.name } }, ...into(ref.name)],
    };
  }
  const titles = adds.map((step) => String(step.arguments.title));
  return { kind: "reply", reply: missingListQuestion(ref.name, titles) };
}

/** ‘milk’, ‘eggs’ and ‘bread’. */
function quotedTitles(titles: readonly string[]): string {
  const quoted = titles.map((t) => `‘${t}’`);
  const last = quoted.pop() ?? "";
  return quoted.length === 0 ? last : `${quoted.join(", ")} and ${last}`;
}

/** The question an add to a list the user does not have asks (read back by `answerMissingList`). */
export function missingListQuestion(name: string, titles: readonly string[]): string {
  return `You have no list called “${name}”. Create it, or add ${quotedTitles(titles)} to the Inbox? Say “create it” or “inbox”; nothing was added yet.`;
}

const ASKED_MISSING = /^You have no list called “(.+?)”\. Create it, or add ‘.*’ to the Inbox\?/;
const CREATE_IT =
  /^(?:(?:yes|yep|yeah|ok(?:ay)?|sure)[\s,!.]*)?(?:please\s+)?(?:create|make|add|start)\s+(?:it|the\s+list|that\s+list|that|one)(?:\s+please)?[.!]*$|^(?:yes|yep|yeah|ok(?:ay)?|sure)[.!]*$/i;
const INBOX_IT =
  /^(?:(?:no|nope|nah)[\s,!.]*)?(?:just\s+)?(?:(?:add|put)\s+it\s+)?(?:(?:to|in|into)\s+)?(?:the\s+|my\s+)?inbox(?:\s+please)?[.!]*$|^(?:no|nope|nah)[.!]*$/i;

/**
 * "create it" / "inbox" right after "You have no list called X: create it, or the Inbox?": the add asked
 * about, replayed with the answer. Undefined when the message is not such an answer.
 */
export function answerMissingList(
  message: string,
  ctx: TurnContext,
): { replay: string; ctx: TurnContext } | undefined {
  const history = ctx.history ?? [];
  const at = history.findLastIndex((m) => m.role === "assistant");
  const asked = at < 0 ? undefined : ASKED_MISSING.exec(history[at]?.content ?? "");
  if (asked?.[1] === undefined) return undefined;
  const said = message.trim();
  const answer = CREATE_IT.test(said) ? "create" : INBOX_IT.test(said) ? "inbox" : undefined;
  if (answer === undefined) return undefined;
  const question = history.slice(0, at).findLast((m) => m.role === "user");
  if (question === undefined) return undefined;
  return {
    replay: question.content,
    ctx: {
      ...ctx,
      history: history.slice(0, history.indexOf(question)),
      missingList: { name: asked[1], answer },
    },
  };
}

/** The lists stage: the first of these commands that reads the message. */
export function planLists(
  text: string,
  quotes: readonly string[],
  ctx: TurnContext,
): OfflinePlan | undefined {
  if (WHAT_LISTS.test(text)) return { kind: "tool", tool: TOOL.listLists, arguments: {} };
  return (
    planCreate(text, quotes, ctx) ??
    planRename(text, quotes, ctx) ??
    planDrop(text, quotes, ctx) ??
    planShow(text, quotes, ctx) ??
    planMove(text, quotes, ctx) ??
    planAddToList(text, quotes, ctx)
  );
}
