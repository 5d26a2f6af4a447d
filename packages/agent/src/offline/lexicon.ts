/**
 * The offline parser's word lists, each written once; the stages build their patterns from them.
 *
 * Entries are regex sources ("get\\s+rid\\s+of", "re-?open"). A command verb is listed once with every
 * place it may be read in (`uses`), because one verb is safe in one place and misleading in another:
 * "cancel" deletes a task ("cancel the dentist"), but a clause that opens with it is also a task of its
 * own ("… and cancel my subscription"), so it does not split several actions. Adding a verb here and
 * naming its uses is the whole change; the stages pick their verbs with `verbs(use)`.
 *
 * What lives here: every command verb, and the lists several modules read alike. A list only one
 * grammar reads (the priority words of priority.ts, the stopwords of resolve-task.ts, the repeat words of
 * unclear.ts) stays beside it; it moves here when a second reader needs it.
 */

/** What a command verb does to a task. */
export type Meaning = "add" | "complete" | "delete" | "reopen" | "edit";

/** The places a command verb is read in, and who reads it. */
export type VerbUse =
  /** Opens a command on one task: "scrap the dentist task" (intents.ts). */
  | "command"
  /** Opens a command on a set of tasks: "wipe all completed tasks" (plan-bulk.ts). */
  | "set"
  /** Opens a clause of its own among several actions: "… and trash task 4" (plan-several.ts). */
  | "clause"
  /** Acts on "it" after a clause that names the task: "the milk, bin it" (command-first.ts). */
  | "on-it"
  /** After "I want to", before a numbered task: "I want to delete task 4" (command-first.ts). */
  | "wish"
  /** After a numbered task: "task 4: move to friday" (command-first.ts). */
  | "after-reference"
  /** Confirms a set deletion: "yes, delete tasks 3 and 5" (plan-bulk.ts). */
  | "confirm"
  /** An explicit edit: a failed lookup after it is final (plan-update.ts). */
  | "edit"
  /** An edit only with a change word after it: "make it urgent", "give task 4 a due date" (plan-update.ts). */
  | "maybe-edit"
  /** Clears a field: "remove the due date" (plan-update.ts). */
  | "clear-field"
  /** Removes tags: "drop the work tag from task 4" (plan-update.ts). */
  | "untag"
  /** A bare number right after it is a task number: "tag 33 home" (update-cues.ts). */
  | "before-number"
  /** Renames: "call task 4 …" (plan-update.ts). */
  | "rename"
  /** "change X to Y": the value after "to" is read on its own (plan-update.ts). */
  | "split"
  /** Moves a due date by days: "push it back 2 days" (plan-update.ts). */
  | "shift-days"
  /** Ends a task's repeat: "stop repeating task 4", "remove the repeat from the gym" (plan-repeat.ts). */
  | "end-repeat"
  /** Moves a repeating task to its next occurrence: "skip the gym this week" (plan-repeat.ts). */
  | "skip"
  /** Makes a new list: "create a list called Health", "new list Health" (plan-lists.ts). */
  | "make-list"
  /** Renames a list: "rename list Health to Wellbeing" (plan-lists.ts). */
  | "rename-list"
  /** Deletes a list: "delete the Health list" (plan-lists.ts). */
  | "drop-list"
  /** Moves a task into a list: "move task 5 to Work" (plan-lists.ts). */
  | "into-list"
  /** Takes a task out of its list: "take the dentist task out of Health" (plan-lists.ts). */
  | "out-of-list";

interface Verb {
  say: string;
  means: Meaning;
  uses: readonly VerbUse[];
}

const ON_A_TASK: readonly VerbUse[] = ["command", "set", "clause", "on-it", "wish", "after-reference"];

/**
 * Every command verb. The order matters only where one entry is a prefix of another ("push back" before
 * "push", "tick off" before "tick"), and within one meaning for `command`, whose rule reads them in turn.
 */
export const VERBS: readonly Verb[] = [
  { say: "add", means: "add", uses: ["clause", "maybe-edit", "make-list"] },
  { say: "create", means: "add", uses: ["clause", "make-list"] },
  { say: "new\\s+task", means: "add", uses: ["clause"] },
  { say: "remind\\s+me", means: "add", uses: ["clause"] },
  { say: "don't\\s+forget", means: "add", uses: ["clause"] },
  { say: "dont\\s+forget", means: "add", uses: ["clause"] },
  { say: "remember\\s+to", means: "add", uses: ["clause"] },

  { say: "complete", means: "complete", uses: ON_A_TASK },
  { say: "finish", means: "complete", uses: ON_A_TASK },
  { say: "close", means: "complete", uses: ["command", "set", "on-it", "wish"] },
  { say: "tick\\s+off", means: "complete", uses: ["command", "set"] },
  { say: "tick", means: "complete", uses: ["command", "clause", "on-it", "wish", "after-reference"] },
  { say: "check\\s+off", means: "complete", uses: ["command", "set", "clause"] },
  { say: "check", means: "complete", uses: ["command", "on-it", "wish", "after-reference"] },
  { say: "cross\\s+off", means: "complete", uses: ["command", "set", "clause"] },
  { say: "cross\\s+out", means: "complete", uses: ["command"] },
  { say: "cross", means: "complete", uses: ["on-it", "wish", "after-reference"] },
  { say: "mark\\s+off", means: "complete", uses: ["command", "set"] },
  {
    say: "mark",
    means: "complete",
    uses: ["clause", "on-it", "wish", "after-reference", "maybe-edit", "before-number"],
  },
  { say: "strike\\s+through", means: "complete", uses: ["command"] },
  { say: "wrap\\s+up", means: "complete", uses: ["command"] },
  { say: "knock\\s+out", means: "complete", uses: ["command"] },

  {
    say: "delete",
    means: "delete",
    uses: [...ON_A_TASK, "confirm", "maybe-edit", "clear-field", "untag", "end-repeat", "drop-list"],
  },
  {
    say: "remove",
    means: "delete",
    uses: [
      ...ON_A_TASK,
      "confirm",
      "maybe-edit",
      "clear-field",
      "untag",
      "end-repeat",
      "drop-list",
      "out-of-list",
    ],
  },
  // Not "clause": "… and cancel my subscription" is a task of its own.
  {
    say: "cancel",
    means: "delete",
    uses: ["command", "set", "on-it", "wish", "after-reference", "end-repeat"],
  },
  {
    say: "drop",
    means: "delete",
    uses: [...ON_A_TASK, "maybe-edit", "clear-field", "untag", "end-repeat", "drop-list"],
  },
  {
    say: "erase",
    means: "delete",
    uses: ["command", "set", "maybe-edit", "clear-field", "untag", "drop-list"],
  },
  { say: "scratch", means: "delete", uses: ["command"] },
  { say: "trash", means: "delete", uses: ["command", "set", "clause", "on-it", "drop-list"] },
  { say: "discard", means: "delete", uses: ["command", "set", "drop-list"] },
  { say: "nuke", means: "delete", uses: ["command", "set", "drop-list"] },
  { say: "kill", means: "delete", uses: ["command"] },
  {
    say: "get\\s+rid\\s+of",
    means: "delete",
    uses: ["command", "set", "on-it", "maybe-edit", "clear-field", "untag", "drop-list"],
  },
  { say: "forget(?:\\s+about)?", means: "delete", uses: ["command"] },
  { say: "throw\\s+(?:out|away)", means: "delete", uses: ["command", "set"] },
  { say: "strike", means: "delete", uses: ["command"] },
  { say: "ditch", means: "delete", uses: ["command", "on-it", "drop-list"] },
  { say: "axe", means: "delete", uses: ["command"] },
  { say: "bin", means: "delete", uses: ["command", "set", "clause", "on-it", "drop-list"] },
  { say: "scrap", means: "delete", uses: ["command", "set", "clause", "on-it", "drop-list"] },
  { say: "purge", means: "delete", uses: ["command", "set"] },
  // "clear out" and "wipe out": the readers take a following "out" with the verb.
  { say: "wipe", means: "delete", uses: ["command", "set"] },
  { say: "dump", means: "delete", uses: ["command"] },
  { say: "abandon", means: "delete", uses: ["command"] },
  { say: "take\\s+off", means: "delete", uses: ["command", "maybe-edit", "clear-field", "untag"] },
  { say: "take\\s+out", means: "delete", uses: ["command"] },
  {
    say: "clear",
    means: "delete",
    uses: ["command", "set", "maybe-edit", "clear-field", "untag", "end-repeat"],
  },
  { say: "eliminate", means: "delete", uses: ["command"] },
  { say: "take\\s+away", means: "delete", uses: ["maybe-edit", "clear-field"] },
  { say: "unset", means: "delete", uses: ["maybe-edit", "clear-field"] },

  { say: "re-?open", means: "reopen", uses: ["command", "set"] },
  // Not yet "re-open": only the closed spelling splits a clause or follows "I want to" (a known gap).
  { say: "reopen", means: "reopen", uses: ["clause", "wish"] },
  { say: "re-?activate", means: "reopen", uses: ["command"] },
  { say: "un-?complete", means: "reopen", uses: ["command", "set", "clause"] },
  { say: "un-?check", means: "reopen", uses: ["command", "set"] },
  { say: "un-?tick", means: "reopen", uses: ["command", "set"] },
  { say: "un-?mark", means: "reopen", uses: ["command", "set"] },
  { say: "un-?do", means: "reopen", uses: ["command"] },
  { say: "un-?finish", means: "reopen", uses: ["command"] },
  { say: "restore", means: "reopen", uses: ["command"] },
  { say: "revive", means: "reopen", uses: ["command"] },
  { say: "resurrect", means: "reopen", uses: ["command"] },
  { say: "bring\\s+back", means: "reopen", uses: ["command"] },
  { say: "put\\s+back", means: "reopen", uses: ["command"] },

  {
    say: "rename",
    means: "edit",
    uses: ["edit", "clause", "wish", "after-reference", "before-number", "rename", "rename-list"],
  },
  { say: "re-?title", means: "edit", uses: ["edit", "before-number", "rename", "rename-list"] },
  // Not yet "re-title" or "re-schedule" after "I want to" or "task 4:" (a known gap).
  { say: "retitle", means: "edit", uses: ["wish", "after-reference"] },
  { say: "re-?word", means: "edit", uses: ["edit", "rename"] },
  { say: "re-?phrase", means: "edit", uses: ["edit", "rename"] },
  { say: "call", means: "edit", uses: ["rename"] },
  { say: "edit", means: "edit", uses: ["edit", "wish", "after-reference", "before-number", "split"] },
  {
    say: "update",
    means: "edit",
    uses: ["edit", "wish", "after-reference", "before-number", "split"],
  },
  { say: "modify", means: "edit", uses: ["edit", "split"] },
  {
    say: "change",
    means: "edit",
    uses: ["edit", "clause", "wish", "after-reference", "before-number", "split"],
  },
  { say: "alter", means: "edit", uses: ["edit", "split"] },
  { say: "amend", means: "edit", uses: ["edit", "split"] },
  {
    say: "set",
    means: "edit",
    uses: ["edit", "clause", "after-reference", "before-number", "split"],
  },
  {
    say: "move",
    means: "edit",
    uses: [
      "edit",
      "clause",
      "wish",
      "after-reference",
      "before-number",
      "shift-days",
      "into-list",
      "out-of-list",
    ],
  },
  {
    say: "postpone",
    means: "edit",
    uses: ["edit", "clause", "wish", "after-reference", "before-number", "shift-days"],
  },
  {
    say: "re-?schedule",
    means: "edit",
    uses: ["edit", "clause", "before-number", "shift-days"],
  },
  { say: "reschedule", means: "edit", uses: ["wish", "after-reference"] },
  { say: "push\\s+back", means: "edit", uses: ["edit"] },
  {
    say: "push",
    means: "edit",
    uses: ["edit", "clause", "wish", "after-reference", "before-number", "shift-days"],
  },
  { say: "delay", means: "edit", uses: ["edit", "before-number", "shift-days"] },
  { say: "defer", means: "edit", uses: ["edit", "shift-days"] },
  { say: "prioriti[sz]e", means: "edit", uses: ["edit", "clause", "before-number"] },
  { say: "de-?prioriti[sz]e", means: "edit", uses: ["edit"] },
  { say: "untag", means: "edit", uses: ["edit", "clause", "before-number", "untag"] },
  {
    say: "tag",
    means: "edit",
    uses: ["edit", "clause", "after-reference", "before-number"],
  },
  { say: "label", means: "edit", uses: ["edit", "after-reference", "before-number"] },
  { say: "describe", means: "edit", uses: ["edit", "before-number"] },
  { say: "unschedule", means: "edit", uses: ["edit"] },
  { say: "schedule", means: "edit", uses: ["maybe-edit"] },
  {
    say: "make",
    means: "edit",
    uses: ["maybe-edit", "clause", "after-reference", "before-number", "split", "make-list"],
  },
  { say: "give", means: "edit", uses: ["maybe-edit"] },
  { say: "put", means: "edit", uses: ["maybe-edit", "into-list"] },
  {
    say: "bump",
    means: "edit",
    uses: ["maybe-edit", "after-reference", "before-number", "shift-days"],
  },
  { say: "shift", means: "edit", uses: ["maybe-edit", "shift-days", "into-list"] },
  { say: "switch", means: "edit", uses: ["maybe-edit", "split", "into-list"] },
  { say: "attach", means: "edit", uses: ["maybe-edit"] },
  { say: "assign", means: "edit", uses: ["maybe-edit"] },
  // A repeat's verbs (plan-repeat.ts): "stop repeating task 4", "skip the gym this week".
  { say: "stop", means: "edit", uses: ["end-repeat"] },
  { say: "quit", means: "edit", uses: ["end-repeat"] },
  { say: "end", means: "edit", uses: ["end-repeat"] },
  { say: "turn\\s+off", means: "edit", uses: ["end-repeat"] },
  { say: "skip", means: "edit", uses: ["skip"] },
  { say: "flag", means: "edit", uses: ["maybe-edit"] },
  // A list's verbs (plan-lists.ts): "new list Health", "file task 4 under Work", "take it out of Health".
  { say: "new", means: "add", uses: ["make-list"] },
  { say: "start", means: "add", uses: ["make-list"] },
  { say: "set\\s+up", means: "add", uses: ["make-list"] },
  { say: "file", means: "edit", uses: ["into-list"] },
  { say: "transfer", means: "edit", uses: ["into-list"] },
  { say: "take", means: "edit", uses: ["out-of-list"] },
  { say: "pull", means: "edit", uses: ["out-of-list"] },
  { say: "get", means: "edit", uses: ["out-of-list"] },
];

/** The verbs read in `use` (of one meaning, if given), as one regex alternation without a group. */
export function verbs(use: VerbUse, means?: Meaning): string {
  return VERBS.filter((v) => v.uses.includes(use) && (means === undefined || v.means === means))
    .map((v) => v.say)
    .join("|");
}

/** Verbs that start a plausible task when said on their own ("call mom", "buy milk"). */
export const TASK_VERB =
  /^(?:buy|call|phone|ring|email|e-mail|text|message|pay|book|pick\s+up|drop\s+off|clean|fix|repair|write|send|submit|renew|water|walk|feed|cook|order|return|visit|prepare|prep|review|plan|organi[sz]e|wash|study|practice|practise|file|mail|post|read|watch|learn|meet|ask|print|go\s+to|take|bring|collect|sign|update\s+my|back\s+up|register|apply|schedule|arrange|vacuum|mow|sweep|tidy|iron|fill|refill|charge|cancel\s+my\s+subscription|get|grab|make|bake|wrap|draft|research|check\s+in|contact|follow\s+up|hire|install|replace|pack|unpack|shop)\b(?=\s+\S)/i;

/** Verbs that search the tasks: "find the dentist one", "look up milk". */
export const SEARCH_VERBS = "find|search(?:\\s+for)?|look\\s*(?:up|for)|lookup";

/** Greetings, said alone ("hi there") or to open a reply. */
export const GREETINGS = "hi|hello|hey|hiya|howdy|yo|sup";

/** Verbs that set a task's status: "mark task 4 as done", "set it to not done". */
export const MARK_VERBS = "mark|set|flag";
/** …and those that do so only with the status after the task: "move task 4 to done". */
export const MARK_VERBS_LOOSE = `${MARK_VERBS}|make|put|move|change|turn`;

/** The plain words for done, in "mark it as done", "is it finished", "check that off as completed". */
export const DONE_WORDS = "done|complete|completed|finished";

/**
 * Names said before "list" that mean the whole task list, not one of the user's lists ("add eggs to my
 * shopping list" adds to the Inbox unless a list is called that).
 */
export const GENERIC_LIST_NAMES = "todo|to-do|to\\s+do|task|tasks|shopping";

/** Words before a task's number: "task 4", "item 4", "no. 4". */
export const TASK_NUMBER_WORDS = "task|item|todo|number|no\\.?";

/** The words for a tag: "the work tag", "labels: home". */
export const TAG_WORDS = "tags?|labels?";

/** Politeness read around a command ("delete it please"); the message's ends are trimmed of more. */
export const PLEASE = "please|pls";

/** "… any more", "… after all": no longer needing a task. */
export const NO_LONGER = "any\\s*more|after\\s+all";

/** Positions in a list, as said: "the third one". */
export const ORDINAL_WORDS: readonly string[] = [
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];

/** "1st" … "10th", "first" … "tenth" → 1 … 10. */
export const ORDINALS: Readonly<Record<string, number>> = Object.fromEntries(
  ORDINAL_WORDS.flatMap((word, i) => {
    const n = i + 1;
    const suffix = n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th";
    return [
      [word, n],
      [`${n}${suffix}`, n],
    ];
  }),
);
