import { TOOL } from "@taskflow/contracts/mcp-tools";
import { dueDay } from "./clock.js";
import { addDays, countWord, findDate, localDay } from "./dates.js";
import { tasksOf } from "./known-tasks.js";
import { TAG_WORDS, verbs } from "./lexicon.js";
import { firstQuote, restoreQuotes, tidy, wholeQuote } from "./normalise.js";
import { extractPriority, levelMentioned, levelWord } from "./priority.js";
import { nothingToChangeReply } from "./replies.js";
import { findTaskNumber, readPhrase, scoreTask } from "./resolve-task.js";
import { extractTags, parseTagList } from "./tags.js";
import { targetTask } from "./task-reference.js";
import type { KnownTask, OfflinePlan, TurnContext } from "./types.js";
import {
  addsTagToTask,
  isScheduling,
  moveTrailingTarget,
  priorityShift,
  repeatedWords,
  schedulesWithDate,
  shiftsToDate,
  spellOutTaskNumber,
  startsWithAttribute,
  statesNewDate,
} from "./update-cues.js";

const STRONG_VERB = new RegExp(`^(?:${verbs("edit")})\\b`, "i");
const WEAK_VERB = new RegExp(`^(?:${verbs("maybe-edit")})\\b`, "i");
const CHANGE_KEYWORD = new RegExp(
  `\\b(?:due(?:\\s+date)?|deadline|priority|prio|description|desc|notes?|details|title|name|${TAG_WORDS}|urgent|important|asap|p[0-4])\\b|#[a-z]`,
  "i",
);
const NOT_AN_UPDATE =
  /^(?:set|make|put|add)\s+(?:up\s+)?(?:a|an|another|new|one)\s+(?:new\s+)?(?:reminder|task|todo|to-do|item)\b|^(?:set|make|put)\s+(?:a|an|another)\s+(?:new\s+)?(?:note|entry)\s+to\s+(?!task\b|item\b|#)/i;

/** An explicit editing verb: a failed lookup after one is final, not a cue to try other intents. */
export function hasEditVerb(text: string): boolean {
  return STRONG_VERB.test(text);
}

export function looksLikeUpdate(text: string, ctx: TurnContext): boolean {
  if (NOT_AN_UPDATE.test(text)) return false;
  if (isScheduling(text)) return schedulesWithDate(text, ctx);
  if (startsWithAttribute(text) || priorityShift(text) !== undefined) return true;
  if (/^add\b/i.test(text))
    return (
      addsTagToTask(text, ctx) ||
      (/^add\s+(?:a\s+|the\s+|an\s+)?(?:new\s+)?(?:description|desc|notes?|details|tags?|labels?|due\s+date|deadline)\b/i.test(
        text,
      ) &&
        (findTaskNumber(text) !== undefined || /\b(?:to|on|for)\b/i.test(text)))
    );
  if (STRONG_VERB.test(text) || CLEAR_DUE.test(text) || statesNewDate(text, ctx)) return true;
  if (
    /^.+?\s+(?:is|are|should\s+be|'s|will\s+be)\s+(?:now\s+)?(?:due|urgent|important|(?:high|low|medium)\s+priority)\b/i.test(
      text,
    )
  )
    return true;
  if (WEAK_VERB.test(text))
    return CHANGE_KEYWORD.test(text) || extractPriority(text) !== undefined || shiftsToDate(text, ctx);
  const startsWithRef = /^(?:task|item|todo|#|no\.?\s*)\s*#?\d+/i.test(text);
  return (
    startsWithRef &&
    (CHANGE_KEYWORD.test(text) || findDate(text, ctx) !== undefined || extractPriority(text) !== undefined)
  );
}

const CLEAR_DUE = new RegExp(
  `\\b(?:${verbs("clear-field")}|no(?:\\s+more)?|without(?:\\s+a)?)\\s+(?:the\\s+|its\\s+|a\\s+|any\\s+)?(?:due\\s+date|deadline|due|date)s?\\b(?:\\s+(?:from|of|on|for))?|^unschedule\\b`,
  "i",
);
const DESCRIPTION_WORD = /\b(?:description|desc|notes?|details|describe)\b/i;
const DESCRIPTION_LEAD =
  /^(?:(?:add|set|put|attach|write|update|change|give|describe)\s+)?(?:(?:it|a|an|the|this)\s+)?(?:new\s+)?(?:description|desc|notes?|details)?\s*(?:of|for|on|to)?\s*(?:to|as|:|saying|that\s+says|=|reading)?\s*/i;
const RENAME_VERB = new RegExp(`^(?:${verbs("rename")})\\b`, "i");
const SPLIT_VERB = new RegExp(`^(?:${verbs("split")})\\b`, "i");
const UNTAG_VERB = new RegExp(`^(?:${verbs("untag")})`, "i");
const SHIFT_DAYS_VERB = new RegExp(`^(?:${verbs("shift-days")})`, "i");
const LEAD_VERB = new RegExp(`${STRONG_VERB.source}|${WEAK_VERB.source}`, "i");
const ATTRIBUTE_OF = new RegExp(
  `\\b(?:the\\s+|its\\s+)?(?:title|name|wording|text|priority(?:\\s+level)?|due\\s+date|deadline|date|description|${TAG_WORDS})\\s+(?:of|for|on)\\b|\\b(?:the\\s+|its\\s+)?(?:title|name|priority|due\\s+date|deadline|description)\\b`,
  "gi",
);
const DANGLING =
  /(?:\s+|^)(?:to|until|till|til|for|by|on|at|due|back|as|with|into|from|and|is|be|now|'s|should|must|will|needs?\s+to)$/i;

interface Changes {
  [key: string]: unknown;
}

function stripDangling(text: string): string {
  let out = tidy(text.replace(/'s\b/gi, ""));
  for (let i = 0; i < 4 && DANGLING.test(out); i++) out = tidy(out.replace(DANGLING, ""));
  return out;
}

/**
 * How many "to"/"as"/":" split points are tried. Each costs a pass over the task list, so an unbounded
 * count made a message with hundreds of " to " quadratic; a real command has one or two.
 */
const MAX_SPLITS = 8;

/** "change X to Y": picks the split whose left side best names a task. */
function splitTarget(text: string, tasks: readonly KnownTask[]): { left: string; right: string } | undefined {
  const seps = [...text.matchAll(/\s+(?:to|as|into)\s+|\s*:\s*/gi)].slice(0, MAX_SPLITS);
  let best: { left: string; right: string; score: number } | undefined;
  for (const sep of seps) {
    const left = text.slice(0, sep.index);
    const right = text.slice(sep.index + sep[0].length);
    if (tidy(left).length === 0 || tidy(right).length === 0) continue;
    const read = readPhrase(left);
    const score =
      findTaskNumber(left) !== undefined
        ? 1000
        : Math.max(0, ...tasks.map((t) => scoreTask(read, t) - repeatedWords(read.words, t.title)));
    if (best === undefined || score > best.score) best = { left, right, score };
  }
  return best;
}

/** What a bare value after "to" means: a priority, a date, tags, or (otherwise) a new title. */
function readValue(value: string, quotes: readonly string[], ctx: TurnContext, changes: Changes): void {
  const quoted = wholeQuote(value, quotes);
  if (quoted !== undefined) {
    changes.title = quoted;
    return;
  }
  const level =
    levelWord(value) ?? (extractPriority(value)?.rest === "" ? extractPriority(value)?.priority : undefined);
  if (level !== undefined) {
    changes.priority = level;
    return;
  }
  const date = findDate(value, ctx);
  if (date !== undefined && stripDangling(value.replace(date.text, "")).length === 0) {
    changes.due = date.due;
    return;
  }
  const tagged = extractTags(value);
  if (tagged.tags.length > 0 && tagged.rest === "") {
    changes.tags = tagged.tags;
    return;
  }
  const details = readDetails(value, ctx);
  if (details !== undefined) {
    Object.assign(changes, details);
    return;
  }
  changes.title = restoreQuotes(tidy(value), quotes);
}

/** "due tomorrow, high priority": a value made only of details, each read on its own. */
function readDetails(value: string, ctx: TurnContext): Changes | undefined {
  const found: Changes = {};
  const tagged = extractTags(value);
  if (tagged.tags.length > 0) found.tags = tagged.tags;
  let rest = tagged.rest;
  const priority = extractPriority(rest);
  if (priority !== undefined) {
    found.priority = priority.priority;
    rest = priority.rest;
  }
  const date = findDate(rest, ctx);
  if (date !== undefined) {
    found.due = date.due;
    rest = `${rest.slice(0, date.index)} ${rest.slice(date.index + date.text.length)}`;
  }
  const leftover = stripDangling(rest.replace(/\b(?:and|due|by|on|with|priority)\b|[,;&]/gi, " "));
  return Object.keys(found).length > 1 && leftover === "" ? found : undefined;
}

function applyTags(work: string, verb: string, changes: Changes, removed: string[]): string {
  let rest = work;
  const untag = UNTAG_VERB.test(verb);
  const addPhrase =
    /\b(?:the\s+)?(?:tags?|labels?)\s+(#?[\w-]+(?:\s*(?:,|and)\s*#?[\w-]+)*)\s+(?:to|from|on|for|off)\b/i.exec(
      rest,
    ) ??
    /\b(?:the\s+)?(#?[\w-]+(?:\s*(?:,|and)\s*#?[\w-]+)*)\s+(?:tags?|labels?)\s+(?:to|from|on|for|off)\b/i.exec(
      rest,
    );
  let tags: string[] = [];
  if (addPhrase?.[1] !== undefined) {
    tags = parseTagList(addPhrase[1]);
    rest = `${rest.slice(0, addPhrase.index)} ${rest.slice(addPhrase.index + addPhrase[0].length)}`;
  } else {
    const found = extractTags(rest);
    tags = found.tags;
    rest = found.rest;
    const withTag = /^(?:tag|label)$/i.test(verb)
      ? /\s+(?:with|as)\s+(#?[\w-]+(?:\s*(?:,|and)\s*#?[\w-]+)*)$/i.exec(rest)
      : null;
    const numbered = findTaskNumber(rest);
    const fromTask = untag
      ? /^\s*(#?[\w-]+(?:\s*(?:,|and)\s*#?[\w-]+)*)\s+(?:tags?\s+|labels?\s+)?(?:from|off)\s+(.+)$/i.exec(
          rest,
        )
      : null;
    if (tags.length === 0 && fromTask?.[1] !== undefined && fromTask[2] !== undefined) {
      tags = parseTagList(fromTask[1]);
      rest = fromTask[2];
    } else if (tags.length === 0 && withTag?.[1] !== undefined) {
      tags = parseTagList(withTag[1]);
      rest = rest.slice(0, withTag.index);
    } else if (tags.length === 0 && numbered !== undefined && /^(?:un)?tag|^label/i.test(verb)) {
      tags = parseTagList(
        numbered.rest
          .replace(/\b(?:with|as|from|the|tags?|labels?)\b/gi, " ")
          .trim()
          .replace(/\s+/g, ","),
      );
      rest = `task ${numbered.id}`;
    }
  }
  if (tags.length > 0) {
    if (untag) removed.push(...tags);
    else changes.tags = tags;
  }
  return rest.replace(/\b(?:with|as)\s*$/i, "");
}

export function planUpdate(message: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan {
  const changes: Changes = {};
  const shift = priorityShift(message);
  if (shift !== undefined) changes.priority = shift.priority;
  const text = spellOutTaskNumber(shift?.rest ?? message);
  const removedTags: string[] = [];
  let relativeDays: number | undefined;
  const verbMatch = LEAD_VERB.exec(text);
  const verb = (verbMatch?.[0] ?? "").toLowerCase();
  let work = moveTrailingTarget(text, ctx);

  if (CLEAR_DUE.test(work)) {
    changes.due = null;
    work = work.replace(CLEAR_DUE, " ");
  }
  const split =
    changes.due === undefined ? splitTarget(work.replace(LEAD_VERB, ""), tasksOf(ctx)) : undefined;
  if (/^prioriti[sz]e/i.test(verb)) changes.priority = "high";
  if (/^de-?prioriti[sz]e/i.test(verb)) changes.priority = "low";

  if (split !== undefined && (RENAME_VERB.test(verb) || /\b(?:title|name|wording)\b/i.test(split.left))) {
    changes.title = restoreQuotes(tidy(split.right), quotes);
    work = split.left;
  } else if (split === undefined && RENAME_VERB.test(verb) && quotedAfterReference(work, quotes)) {
    // "rename task 3 'Buy stamps'": the quoted words are the new title, no "to" needed.
    const quoted = firstQuote(work, quotes);
    if (quoted !== undefined) {
      changes.title = quoted.quote;
      work = quoted.rest;
    }
  } else if (DESCRIPTION_WORD.test(work)) {
    const number = findTaskNumber(work);
    const quote = firstQuote(work, quotes);
    if (quote !== undefined) {
      changes.description = quote.quote;
      work = quote.rest.replace(DESCRIPTION_LEAD, "");
    } else if (number !== undefined) {
      changes.description = stripDangling(number.rest.replace(DESCRIPTION_LEAD, ""));
      work = `task ${number.id}`;
    } else {
      const refFirst =
        /\b(?:description|desc|notes?|details)\s+(?:of|for|on|to)\s+(.+?)\s*(?:\s(?:to|as|saying|=)\s|:)\s*(.+)$/i.exec(
          work,
        ) ?? /^describe\s+(.+?)\s+as\s+(.+)$/i.exec(work);
      const descFirst = /\b(?:description|desc|notes?|details)\s*:?\s+(.+?)\s+(?:to|on|for)\s+(.+)$/i.exec(
        work,
      );
      if (refFirst?.[1] !== undefined && refFirst[2] !== undefined) {
        changes.description = tidy(refFirst[2]);
        work = refFirst[1];
      } else if (descFirst?.[1] !== undefined && descFirst[2] !== undefined) {
        changes.description = tidy(descFirst[1]);
        work = descFirst[2];
      }
    }
  } else if (split !== undefined && SPLIT_VERB.test(verb) && !/\bdue\b/i.test(split.left)) {
    readValue(split.right, quotes, ctx, changes);
    work = split.left;
  }

  work = work.replace(LEAD_VERB, " ");
  if (/\b(?:tags?|labels?)\b|#[a-z]/i.test(text) || /^(?:un)?tag|^label/i.test(verb))
    work = applyTags(work, verb, changes, removedTags);
  if (changes.priority === undefined) {
    const p = extractPriority(work);
    if (p !== undefined) {
      changes.priority = p.priority;
      work = p.rest;
    } else if (/\bprio(?:rity)?\b/i.test(work)) {
      const level = levelMentioned(work);
      if (level !== undefined) {
        changes.priority = level;
        work = work.replace(
          new RegExp(`\\b(?:to\\s+|as\\s+)?(?:${level}|${levelWordText(work)})\\b`, "i"),
          " ",
        );
      }
    }
  }
  if (changes.due === undefined) {
    const rel =
      /\b(?:by|for|another|back|out)\s+(?:a\s+further\s+|another\s+)?(a|an|one|two|three|four|five|six|seven|couple(?:\s+of)?|few|\d+)\s+(day|week)s?\b|\b(a|one)\s+(day|week)\s+later\b/i.exec(
        work,
      );
    const date = rel === null ? findDate(work, ctx) : undefined;
    if (rel !== null && SHIFT_DAYS_VERB.test(verb)) {
      const n = countWord((rel[1] ?? rel[3] ?? "one").replace(/\s+of$/, "")) ?? 1;
      relativeDays = /week/i.test(rel[2] ?? rel[4] ?? "") ? n * 7 : n;
      work = work.replace(rel[0], " ");
    } else if (date !== undefined) {
      changes.due = date.due;
      work = `${work.slice(0, date.index)} ${work.slice(date.index + date.text.length)}`;
    }
  }

  const phrase = stripDangling(
    work.replace(ATTRIBUTE_OF, " ").replace(/\b(?:the\s+)?(?:due\s+date|deadline|priority)\b/gi, " "),
  );
  const target = targetTask(phrase, quotes, tasksOf(ctx));
  if (!target.ok) return target.plan;
  if (relativeDays !== undefined) {
    const base = target.task?.due_at ? dueDay(target.task.due_at, ctx.timeZone) : localDay(ctx.now, ctx);
    changes.due = addDays(base, relativeDays);
  }
  if (removedTags.length > 0) {
    const lower = removedTags.map((t) => t.toLowerCase());
    changes.tags = (target.task?.tags ?? []).filter((t) => !lower.includes(t.toLowerCase()));
  } else if (Array.isArray(changes.tags) && target.task?.tags !== undefined) {
    changes.tags = [...new Set([...target.task.tags, ...(changes.tags as string[])])];
  }
  if (Object.keys(changes).length === 0) return { kind: "reply", reply: nothingToChangeReply(target.id) };
  return { kind: "tool", tool: TOOL.updateTask, arguments: { task_id: target.id, ...changes } };
}

/** A quote that follows the task reference and ends the message. */
function quotedAfterReference(work: string, quotes: readonly string[]): boolean {
  const m = /^(.*\S)\s+⟦[a-z]⟧$/.exec(work.trim());
  return m?.[1] !== undefined && quotes.length > 0 && !/⟦[a-z]⟧/.test(m[1]);
}

function levelWordText(work: string): string {
  const m = /\b(high|highest|top|urgent|medium|normal|mid|low|lowest|none|p[0-4])\b/i.exec(work);
  return m?.[1] ?? "__none__";
}
