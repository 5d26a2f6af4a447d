import { TOOL } from "@taskflow/contracts/mcp-tools";
import { wallTime } from "./clock.js";
import { addDays, findDate, localDay, weekdayIndex } from "./dates.js";
import { tasksOf } from "./known-tasks.js";
import { SEARCH_VERBS } from "./lexicon.js";
import { restoreQuotes, tidy } from "./normalise.js";
import { extractPriority } from "./priority.js";
import { extractTags } from "./tags.js";
import type { OfflinePlan, TurnContext } from "./types.js";

const COMPLETED =
  /\b(?:completed|done|finished|closed|checked\s+off|ticked\s+off|crossed\s+off|accomplished|(?:have\s+i|did\s+i|i've|i\s+have)\s+(?:already\s+)?(?:done|finished|completed|do|finish|complete))\b/i;
const PENDING =
  /\b(?:pending|open|to\s*do|todo|remaining|left|outstanding|incomplete|unfinished|uncompleted|undone|not\s+(?:yet\s+)?(?:done|finished|completed)|active|still|unchecked|need\s+to\s+do|have\s+to\s+do|should\s+i\s+do)\b/i;
const ALL = /\b(?:all|every(?:thing)?|entire|whole|full)\b/i;
/** "including finished ones", "done and not done": both statuses, not a search. */
const BOTH_STATUSES =
  /\b(?:(?:including|incl\.?|plus|and|with|even)\s+(?:the\s+)?(?:completed|finished|done|closed|checked\s+off)(?:\s+(?:ones|tasks|todos|items))?|(?:done|completed|finished)\s+(?:and|or|&)\s+(?:not\s+(?:done|completed|finished)|undone|pending|open|unfinished))\b/i;
/** "tasks I haven't done": a negated completion verb asks for what is still open. */
const NOT_YET_DONE =
  /\b(?:haven't|havent|have\s+not|didn't|didnt|did\s+not|not\s+yet)\s+(?:yet\s+|already\s+)?(?:done|finished|completed|do|finish|complete|got\s+to)\b/i;
const OVERDUE = /\b(?:overdue|late|past\s+due|missed|behind)\b/i;
const SOON = /\b(?:soon|upcoming|coming\s+up|next\s+few\s+days)\b/i;
const PLATE = /\b(?:on\s+my\s+plate|to\s+do|agenda|schedule)\b/i;

const QUERY =
  /\b(?:about|mentioning|mention|containing|contain|regarding|related\s+to|matching|match|with\s+the\s+words?|called|named|titled|including|involving|that\s+(?:say|says|mention|mentions|contain|contains))\s+(.+)$/i;
const SEARCH_VERB = new RegExp(
  `^(?:${SEARCH_VERBS}|where(?:'s|\\s+is|\\s+are)?)\\s+(?:(?:me|my|all|the|any)\\s+)*(?:(?:tasks?|todos?|items?)\\s+)?(?:(?:for|with|about|on)\\s+)?(.+)$`,
  "i",
);
function knownTags(ctx: TurnContext): string[] {
  return [
    ...new Set(
      tasksOf(ctx)
        .flatMap((t) => t.tags ?? [])
        .map((t) => t.toLowerCase()),
    ),
  ];
}

/**
 * Turns a day phrase in a list request into a due window. Bounds are the user's local days (`YYYY-MM-DD`,
 * the start of that day in their zone) or wall times, which the api reads in the user's zone.
 */
function dueWindow(text: string, ctx: TurnContext, args: Record<string, unknown>): string {
  const today = localDay(ctx.now, ctx);
  if (OVERDUE.test(text)) {
    args.due_before = wallTime(ctx.now, ctx.timeZone);
    args.status = "pending";
    return text.replace(OVERDUE, " ");
  }
  const week = /\b(this|next)\s+week\b/i.exec(text);
  if (week?.[1] !== undefined) {
    const monday = addDays(today, -weekdayIndex(today) + (week[1].toLowerCase() === "next" ? 7 : 0));
    args.due_after = monday;
    args.due_before = addDays(monday, 7);
    return text.replace(week[0], " ");
  }
  const weekend = /\b(?:(this|next)\s+)?weekend\b/i.exec(text);
  if (weekend !== null) {
    const saturday = addDays(today, 5 - weekdayIndex(today) + (weekend[1]?.toLowerCase() === "next" ? 7 : 0));
    args.due_after = saturday;
    args.due_before = addDays(saturday, 2);
    return text.replace(weekend[0], " ");
  }
  if (SOON.test(text)) {
    args.due_before = addDays(today, 8);
    return text.replace(SOON, " ");
  }
  const date = findDate(text, ctx);
  if (date === undefined) return text;
  const before = text.slice(0, date.index);
  if (/\b(?:before|by|until|till)\s*$/i.test(before)) {
    args.due_before = addDays(date.day, 1);
  } else if (/\b(?:after|from|since)\s*$/i.test(before)) {
    args.due_after = addDays(date.day, 1);
  } else {
    args.due_after = date.day;
    args.due_before = addDays(date.day, 1);
  }
  return (
    before.replace(/\b(?:before|by|until|till|after|from|since|due|on|for)\s*$/i, " ") +
    " " +
    text.slice(date.index + date.text.length)
  );
}

/** "what should I work on next", "what's next", "what do I do first": the one question of priorities. */
const NEXT =
  /^(?:what|which(?:\s+task)?)(?:'s|\s+is|\s+are|\s+should|\s+do|\s+to|\s+can)?\s+(?:i\s+|we\s+)?(?:(?:work\s+on|do|tackle|start(?:\s+on)?|focus\s+on|pick(?:\s+up)?)\s+)?(?:next|first|now)\b|\bup\s+next\b|\b(?:(?:should|shall|do)\s+i|i\s+should)\s+(?:do|tackle|start\s+with|work\s+on)\s+first\b|\bwhat\s+(?:should|do)\s+i\s+(?:work\s+on|do|tackle|focus\s+on)\b/i;
/** "what did I finish today", "tasks completed yesterday": completion on a day, not a due date. */
const FINISHED_ON =
  /\b(?:(?:did|have)\s+(?:i|we)\s+(?:\w+\s+)?(?:finish(?:ed)?|complete[d]?|do|done|tick(?:ed)?\s+off|get\s+done|check(?:ed)?\s+off)|(?:i|we)(?:'ve|\s+have)?\s+(?:finished|completed|done|ticked\s+off)|(?:finished|completed|done|ticked\s+off|checked\s+off))\b(?:\s+\w+){0,3}?\s+(today|yesterday|tonight|this\s+week|last\s+week)\b/i;

export function planList(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan {
  const args: Record<string, unknown> = {};
  let work = text;
  if (NEXT.test(work))
    return { kind: "tool", tool: TOOL.listTasks, arguments: { status: "pending" }, view: { kind: "next" } };
  const finished = FINISHED_ON.exec(work);
  if (finished?.[1] !== undefined) {
    const today = localDay(ctx.now, ctx);
    const said = finished[1].toLowerCase().replace(/\s+/g, " ");
    const monday = addDays(today, -weekdayIndex(today));
    const [from, to] =
      said === "yesterday"
        ? [addDays(today, -1), today]
        : said === "this week"
          ? [monday, addDays(monday, 7)]
          : said === "last week"
            ? [addDays(monday, -7), monday]
            : [today, addDays(today, 1)];
    const label = said === "tonight" ? "today" : said;
    return {
      kind: "tool",
      tool: TOOL.listTasks,
      arguments: { status: "completed" },
      view: { kind: "completed_in", from, to, label },
    };
  }

  if (BOTH_STATUSES.test(work)) {
    args.status = "all";
    work = work.replace(BOTH_STATUSES, " ");
  } else if (NOT_YET_DONE.test(work)) {
    args.status = "pending";
    work = work.replace(NOT_YET_DONE, " ");
  }
  const search = SEARCH_VERB.exec(work);
  const query = QUERY.exec(work);
  const tagged = extractTags(work);
  if (tagged.tags[0] !== undefined) {
    args.tag = tagged.tags[0];
    work = tagged.rest;
  } else {
    const known = knownTags(ctx).find((t) =>
      new RegExp(`\\b${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(work),
    );
    if (known !== undefined) args.tag = known;
  }
  const searchRaw = search?.[1] ?? "";
  const searchIsFilter =
    extractPriority(searchRaw) !== undefined ||
    [COMPLETED, PENDING, OVERDUE, SOON, /^(?:tasks?|todos?|items?|everything|all)$/i].some((re) =>
      re.test(searchRaw),
    ) ||
    findDate(searchRaw, ctx) !== undefined;
  if (args.tag === undefined && (query !== null || (search !== null && !searchIsFilter))) {
    const raw = query?.[1] ?? searchRaw;
    const cleaned = tidy(
      restoreQuotes(raw, quotes).replace(/^(?:tasks?|todos?|items?)\s+(?:about|for|with)?\s*/i, ""),
    );
    if (cleaned.length > 0 && !/^(?:tasks?|todos?|items?|everything|all)$/i.test(cleaned)) {
      args.query = cleaned.replace(/^(?:the|my|a|an)\s+/i, "");
      return { kind: "tool", tool: TOOL.listTasks, arguments: args };
    }
  }

  const priority = extractPriority(work);
  if (priority !== undefined) {
    args.priority = priority.priority;
    work = priority.rest;
  }
  work = dueWindow(work, ctx, args);
  const byDue = args.due_before !== undefined || args.due_after !== undefined;
  if (args.status === undefined) {
    if (COMPLETED.test(work) && !/\bnot\s+(?:yet\s+)?(?:done|finished|completed)\b/i.test(work))
      args.status = "completed";
    else if (PENDING.test(work) || PLATE.test(work)) args.status = "pending";
    else if (ALL.test(work)) args.status = "all";
  }
  return byDue
    ? { kind: "tool", tool: TOOL.listTasks, arguments: args, view: { kind: "by_due" } }
    : { kind: "tool", tool: TOOL.listTasks, arguments: args };
}
