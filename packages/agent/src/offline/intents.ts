/**
 * Intent detection by verb patterns. Each detector recognises one intent and returns the
 * message with the recognised verb phrase removed, so later stages see only the task
 * reference or the new task's words.
 */
import {
  DONE_WORDS,
  GREETINGS,
  MARK_VERBS,
  MARK_VERBS_LOOSE,
  NO_LONGER,
  SEARCH_VERBS,
  verbs,
} from "./lexicon.js";
export type Intent = "help" | "smalltalk" | "list" | "reopen" | "update" | "delete" | "complete" | "add";

export interface Detected {
  intent: Intent;
  rest: string;
}

interface Rule {
  intent: Intent;
  re: RegExp;
  /** Which capture group holds the remainder; by default the text with the match removed. */
  keep?: number;
}

const DONE =
  "(?:done|complete|completed|finished|checked|checked\\s+off|ticked(?:\\s+off)?|crossed\\s+off|closed|sorted|handled|taken\\s+care\\s+of|dealt\\s+with)";
const NOT_DONE = `(?:not\\s+(?:yet\\s+)?(?:${DONE_WORDS})|undone|incomplete|uncompleted|unfinished|pending|open|active|to\\s*do|not\\s+started|unchecked|unticked)`;

/** Participles that report a change other than doing the task ("moved", "tagged", "added"). */
const NOT_A_DONE_REPORT =
  "(?!(?:scheduled|rescheduled|postponed|delayed|moved|cancell?ed|planned|needed|due|added|updated|changed|renamed|tagged|labell?ed|prioriti[sz]ed|started|blocked|assigned|deleted|removed|created|listed|needed|wanted|expected|required)\\b)";
const DONE_PARTICIPLE = "(?:[a-z]+ed|bought|paid|sent|written|taken|made|done|fed|built|swept)";

const PARTICIPLE_REPORT = new RegExp(
  `^(.+?)\\s+(?:is|are|was|were|has\\s+been|have\\s+been|got)\\s+(?:now\\s+|finally\\s+|already\\s+|all\\s+)?${NOT_A_DONE_REPORT}(${DONE_PARTICIPLE})$`,
  "i",
);
/** "mark the bill as paid": marking with a participle other than a status word. */
const MARK_AS_PARTICIPLE = new RegExp(
  `^(?:${MARK_VERBS})\\s+(.+?)\\s+as\\s+(?:already\\s+)?${NOT_A_DONE_REPORT}${DONE_PARTICIPLE}$`,
  "i",
);

const SMALLTALK = new RegExp(
  `^(?:${GREETINGS}|good\\s+(?:morning|afternoon|evening|night)|greetings|thanks?(?:\\s+you)?(?:\\s+so\\s+much)?|thank\\s+u|thx|ty|cheers|great|cool|nice|awesome|ok|okay|k|bye|goodbye|see\\s+ya|how\\s+are\\s+you(?:\\s+doing)?|what'?s\\s+up|who\\s+are\\s+you|are\\s+you\\s+there|lol|yes|no|nope|yep|sure)(?:\\s+(?:there|again|buddy|mate|bot|assistant|taskflow))?[\\s!.?,]*$`,
  "i",
);

const HELP =
  /^(?:help|\?+|h[ea]lp\s+me|menu|commands|options|usage|instructions|how\s+(?:does\s+(?:this|it)\s+work|do\s+i\s+use\s+(?:this|you|it))|what\s+(?:can|do|should)\s+(?:you|i)\s+(?:do|say|ask|type)(?:\s+(?:here|with\s+(?:you|this)))?|what\s+are\s+(?:you|your)\s+(?:able\s+to\s+do|capabilities|commands)|what\s+are\s+the\s+commands|(?:how|what)\s+can\s+you\s+help(?:\s+me)?(?:\s+with)?|what\s+do\s+you\s+do|show\s+(?:me\s+)?(?:the\s+)?help)[\s!.?]*$/i;

const LIST_START = new RegExp(
  `^(?:show|list|display|view|filter|(?:see|get|fetch|check|pull\\s+up)\\s+(?:me\\s+)?(?:my|all|the\\s+list|the\\s+tasks|tasks|todos|everything|what|if|on|which)|${SEARCH_VERBS}|remind\\s+me\\s+(?:what|which)|my\\s+(?:tasks|todos|to-dos|list|agenda|(?:todo|to-do|to\\s+do|task)\\s+list)|(?:all\\s+)?(?:tasks|todos|to-dos)\\b|agenda|overdue|upcoming|pending|open\\s+tasks|completed\\s+tasks|done\\s+tasks|todo\\s+list|to-do\\s+list|(?:can|could)\\s+i\\s+see)\\b`,
  "i",
);
/** Question openings that are list requests only when they talk about tasks ("what's the weather" is not). */
const LIST_QUESTION =
  /^(?:what|what's|whats|what\s+is|what\s+are|which|tell\s+me|give\s+me|any|anything|are\s+there|is\s+there|do\s+i\s+have|did\s+i|have\s+i|how\s+many|how's|how\s+is|where|when)\b/i;
const TASK_CONTEXT =
  /\b(?:tasks?|todos?|to-?dos?|to\s+do|due|overdue|pending|left|remaining|open|done|completed?|finished|plate|agenda|list|have|need|priority|urgent|important|tagged|schedule|planned|up\s+next|next|first|today|tomorrow|tonight|week|outstanding|incomplete|unfinished|still|late|upcoming|coming\s+up|soon|doing|on\s+for|about|regarding|mentioning)\b|#/i;

const RULES: readonly Rule[] = [
  // Reopen before complete: "mark task 3 as not done" also contains "done".
  {
    intent: "reopen",
    re: new RegExp(
      `^(?:${verbs("command", "reopen")})\\b(?:\\s+(?:as\\s+)?(?:done|complete|completed))?`,
      "i",
    ),
  },
  {
    intent: "reopen",
    re: new RegExp(
      `^(?:${MARK_VERBS_LOOSE})\\s+(.+?)\\s+(?:as\\s+|to\\s+|back\\s+to\\s+|back\\s+as\\s+)?${NOT_DONE}(?:\\s+again)?$`,
      "i",
    ),
    keep: 1,
  },
  {
    intent: "reopen",
    re: new RegExp(
      `^(.+?)\\s+(?:(?:isn't|isnt|wasn't|wasnt|is\\s+not|was\\s+not|aren't|are\\s+not)\\s+(?:actually\\s+|really\\s+)?(?:${DONE_WORDS})|(?:is|was|'s|are)\\s+(?:actually\\s+|still\\s+)?(?:not\\s+(?:yet\\s+)?(?:${DONE_WORDS})|undone|incomplete|unfinished|pending|open))(?:\\s+(?:yet|after\\s+all|again))?$`,
      "i",
    ),
    keep: 1,
  },
  {
    intent: "reopen",
    re: /^(?:put|move|add|bring)\s+(.+?)\s+back\s+(?:on|onto|in|into|to)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|to\s+do\s+|task\s+|open\s+)?(?:list|tasks|todos)$/i,
    keep: 1,
  },
  {
    intent: "reopen",
    re: /^(?:i|we)\s+(?:didn't|didnt|did\s+not|haven't|havent|have\s+not|never)\s+(?:actually\s+|really\s+|yet\s+)?(?:(?:finish|complete|do|done|finished|completed)\b(?:\s+with)?)?/i,
  },

  {
    // "mark as not done: task 4": the status comes before the task.
    intent: "reopen",
    re: new RegExp(`^(?:${MARK_VERBS})\\s+(?:as\\s+|to\\s+)?${NOT_DONE}\\s*[:,-]?\\s+(.+)$`, "i"),
    keep: 1,
  },
  {
    intent: "complete",
    re: new RegExp(`^(?:${MARK_VERBS})\\s+(?:as\\s+|to\\s+)?${DONE}\\s*[:,-]?\\s+(.+)$`, "i"),
    keep: 1,
  },
  {
    intent: "complete",
    re: new RegExp(`^(?:${MARK_VERBS_LOOSE})\\s+(.+?)\\s+(?:as\\s+|to\\s+)?${DONE}$`, "i"),
    keep: 1,
  },
  { intent: "complete", re: MARK_AS_PARTICIPLE, keep: 1 },
  {
    intent: "complete",
    re: /^(?:i(?:'ve|\s+have)?\s+|we(?:'ve|\s+have)?\s+)?(?:just\s+|already\s+|finally\s+)?(?:finished|completed|did|done|accomplished|wrapped\s+up|ticked\s+off|checked\s+off|crossed\s+off|knocked\s+out|nailed|took\s+care\s+of|dealt\s+with|handled|sorted)\b(?:\s+with)?/i,
  },
  {
    intent: "complete",
    re: /^(?:i'm|i\s+am|im|we're|we\s+are)\s+(?:all\s+|now\s+|finally\s+)?(?:done|finished|through)\s*(?:with)?\b/i,
  },
  {
    intent: "complete",
    re: /^(?:cross|tick|check|mark)\s+(.+?)\s+off(?:\s+(?:my|the)\s+(?:[\w-]+\s+)?list)?$/i,
    keep: 1,
  },
  { intent: "complete", re: /^(?:all\s+)?(?:done|finished|completed)\s*(?:with|:)?/i },
  {
    intent: "complete",
    re: new RegExp(`^(?:${verbs("command", "complete")})\\b(?:\\s+off)?`, "i"),
  },
  {
    intent: "complete",
    re: new RegExp(
      `^(.+?)\\s+(?:is|are|was|were|has\\s+been|have\\s+been|'s|got|now)?\\s*(?:all\\s+|now\\s+|finally\\s+)?${DONE}(?:\\s+(?:now|already|today))?$`,
      "i",
    ),
    keep: 1,
  },

  {
    intent: "delete",
    re: new RegExp(`^(?:${verbs("command", "delete")})\\b(?:\\s+(?:out|off))?`, "i"),
  },
  {
    intent: "delete",
    re: new RegExp(
      `^(?:i|we)\\s+(?:don't|do\\s+not|no\\s+longer|won't|will\\s+not|dont)\\s+(?:need|have|want)\\s+to\\s+(.+?)(?:\\s+(?:${NO_LONGER}))?$`,
      "i",
    ),
    keep: 1,
  },
  {
    // "I don't need the groceries task anymore": no longer needing a task drops it.
    intent: "delete",
    re: new RegExp(
      `^(?:i|we)\\s+(?:don't|dont|do\\s+not|no\\s+longer)\\s+(?:need|want)\\s+(?!to\\b)(.+?)\\s+(?:${NO_LONGER})$`,
      "i",
    ),
    keep: 1,
  },
  {
    intent: "delete",
    re: /^(.+?)\s+(?:can|could|should|may|must)\s+(?:now\s+)?be\s+(?:deleted|removed|cancell?ed|dropped|scrapped|trashed|binned|discarded)$/i,
    keep: 1,
  },
  {
    intent: "delete",
    re: /^(?:take|strike|knock)\s+(.+?)\s+(?:off|out)\s+(?:of\s+)?(?:my|the)\s+(?:[\w-]+\s+)?list$/i,
    keep: 1,
  },
  { intent: "delete", re: /^(?:no\s+need\s+to|never\s*mind|nevermind)\s+(.+)$/i, keep: 1 },
];

const LIST_OR_COMPLETE_GUARD = /^(?:did\s+i|have\s+i)\s+(?:finish|complete|do)\b/i;

export function detectSmallTalk(raw: string): Intent | undefined {
  const text = raw.trim();
  if (text.length === 0 || HELP.test(text)) return "help";
  if (SMALLTALK.test(text)) return "smalltalk";
  return undefined;
}

export function looksLikeList(text: string): boolean {
  if (LIST_QUESTION.test(text)) return TASK_CONTEXT.test(text) || LIST_OR_COMPLETE_GUARD.test(text);
  return (
    LIST_START.test(text) ||
    /\b(?:overdue|on\s+my\s+plate|my\s+agenda)\b/i.test(text) ||
    LIST_OR_COMPLETE_GUARD.test(text)
  );
}

export function detectVerbIntent(text: string): Detected | undefined {
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (m === null) continue;
    const rest =
      rule.keep === undefined
        ? `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`
        : (m[rule.keep] ?? "");
    return { intent: rule.intent, rest: rest.trim() };
  }
  return undefined;
}

const PAST_TENSE =
  /^(?:(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+)?|just\s+|finally\s+)?(?:[a-z]+ed|bought|paid|went|sent|wrote|took|got|made|met|ran|brought|rang|gave|sold|fed|drove|read|spoke|told|caught|left|found|did|put|set)\b/i;

/** "called mom", "I watered the plants": a report of something done, if it names a task. */
export function looksLikePastTense(text: string): boolean {
  return PAST_TENSE.test(text) && !/^(?:i|we)\s+(?:need|want|have\s+to|should|must)/i.test(text);
}

const STATUS_ENDING = new RegExp(`\\s(?:as\\s+|to\\s+|back\\s+to\\s+)?(?:${DONE}|${NOT_DONE})$`, "i");

/** "set task 4 as completed" is a completion, not a rename to "completed". */
export function endsWithStatus(text: string): boolean {
  return STATUS_ENDING.test(text);
}

/** "the milk is bought": the subject, if the text reports a task as done. */
export function participleSubject(text: string): string | undefined {
  return PARTICIPLE_REPORT.exec(text)?.[1];
}

/** "rent paid", "flights booked": a terse report that drops the verb "to be". */
const BARE_PARTICIPLE_REPORT = new RegExp(
  `^(.+?)\\s+(?:now\\s+|finally\\s+|already\\s+|all\\s+)?${NOT_A_DONE_REPORT}(${DONE_PARTICIPLE})$`,
  "i",
);

export function bareParticipleSubject(text: string): string | undefined {
  return BARE_PARTICIPLE_REPORT.exec(text)?.[1];
}
