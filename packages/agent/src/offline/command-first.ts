import { DONE_WORDS, NO_LONGER, PLEASE, TASK_NUMBER_WORDS, verbs } from "./lexicon.js";

/**
 * "I don't need the groceries task anymore, delete it", "got the groceries, check that off":
 * a clause naming the task, then a command on "it". Rewritten command first ("delete the
 * groceries task", "check got the groceries off") so the ordinary verb rules read it.
 */
const PRONOUN_COMMAND = new RegExp(
  `^(.+?)\\s*(?:[,;.\\-–—]|\\s(?:so|and|just))\\s*(?:so\\s+|just\\s+|(?:${PLEASE})\\s+|(?:can|could)\\s+(?:you|u)\\s+|you\\s+can\\s+)?(${verbs("on-it")})\\s+(?:it|that|this)(?:\\s+one)?(\\s+off|\\s+as\\s+(?:${DONE_WORDS})|\\s+(?:${DONE_WORDS}))?(?:\\s+(?:${PLEASE}|now|too))?$`,
  "i",
);

/** What a report clause says besides the task: "I don't need … anymore", "I've finished …". */
const REPORT_LEAD =
  /^(?:(?:i|we)\s+(?:(?:don't|dont|do\s+not|no\s+longer)\s+(?:need|want)(?:\s+to)?|(?:'ve|\s+have)?\s*(?:already\s+|just\s+)?(?:finished|done|completed))\s+)/i;
const REPORT_TAIL = new RegExp(`\\s+(?:${NO_LONGER})$`, "i");

/** "I want to delete task 4": a wish in front of a command on a numbered task is only politeness. */
const WISH_BEFORE_COMMAND = new RegExp(
  `^(?:(?:i|we)\\s+(?:want|need|would\\s+like|'d\\s+like)\\s+to|i'd\\s+like\\s+to|let\\s+me|let's|can\\s+i|could\\s+i|may\\s+i)\\s+(?=(?:${verbs("wish")})\\b.*?(?:\\b(?:task|item|number|no\\.?)\\s*#?\\d+|#\\d+)\\b)`,
  "i",
);

/** "task 4: change priority to low": a numbered task named before its command. */
const REFERENCE_THEN_COMMAND = new RegExp(
  `^((?:${TASK_NUMBER_WORDS})\\s*#?\\d+|#\\d+)\\s*[:,\\-–—]\\s*(${verbs("after-reference")})\\b\\s*(.*)$`,
  "i",
);

/** ", I don't need it": a reason after a command, which names nothing. */
const TRAILING_REASON =
  /\s*[,;\-–—]\s*(?:(?:i|we)\s+(?:don't|dont|do\s+not|no\s+longer)\s+(?:need|want)\s+(?:it|that|this)(?:\s+any\s*more)?|(?:it's|it\s+is|that's|that\s+is)\s+(?:not\s+needed|no\s+longer\s+needed|obsolete|irrelevant)(?:\s+any\s*more)?)$/i;

export function commandFirst(message: string): string {
  const text = message.replace(TRAILING_REASON, "");
  const wish = WISH_BEFORE_COMMAND.exec(text);
  if (wish !== null) return text.slice(wish[0].length);
  const first = REFERENCE_THEN_COMMAND.exec(text);
  if (first?.[1] !== undefined && first[2] !== undefined)
    return `${first[2]} ${first[1]} ${first[3] ?? ""}`.trim();
  const m = PRONOUN_COMMAND.exec(text);
  if (m?.[1] === undefined || m[2] === undefined) return text;
  const head = m[1].replace(REPORT_LEAD, "").replace(REPORT_TAIL, "").trim();
  if (head.length === 0) return text;
  return `${m[2]} ${head}${m[3] ?? ""}`;
}

const ADD_TAG_TO = /^add\s+(?:the\s+|a\s+)?([\p{L}\p{N}_-]+)\s+(?:tag|label)\s+(?:to|on|onto)\s+(.+)$/iu;

/** "add health tag to the dentist appointment" tags a task; it never adds one. */
export function addTagAsEdit(text: string): string {
  const m = ADD_TAG_TO.exec(text);
  return m?.[1] === undefined || m[2] === undefined ? text : `tag ${m[2]} with ${m[1]}`;
}
