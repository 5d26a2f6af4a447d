import { PLEASE } from "./lexicon.js";
import { restoreQuotes, tidy } from "./normalise.js";
import { namesSeveral } from "./plan-bulk.js";
import { ambiguousReply, notFoundReply, severalReply } from "./replies.js";
import { NUMBER_WORD, type Preference, type Resolution, resolveTask } from "./resolve-task.js";
import type { KnownTask, OfflinePlan } from "./types.js";

/** Words that introduce a task reference but never belong to a title. */
const REFERENCE_FILLER = new RegExp(
  `^(?:(?:that|the|my|this)\\s+)?(?:(?:task|todo|to-do|item|one|thing|entry|reminder)\\s+(?!${NUMBER_WORD}\\b))?(?:(?:called|named|titled|about|for|to|that\\s+says)\\s+)?`,
  "i",
);

/** Words after a reference that never end a title: "delete the milk task please", "… after all". */
const TRAILING_WORDS = new RegExp(
  `\\b(?:${PLEASE}|now|already|today|yet|again|as\\s+well|too|after\\s+all)\\s*$`,
  "i",
);

export function cleanReference(phrase: string, quotes: readonly string[]): string {
  const restored = restoreQuotes(phrase, quotes);
  return tidy(
    restored
      .replace(
        /\b(?:from|off|on|in)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks|todos)\b/gi,
        " ",
      )
      .replace(/\b(?:task|todo|item|one)\s*$/i, " ")
      .replace(TRAILING_WORDS, " "),
  ).replace(REFERENCE_FILLER, "");
}

export type Target = { ok: true; id: number; task?: KnownTask } | { ok: false; plan: OfflinePlan };

/** Resolves a phrase to one task id, or explains (clarify / not found) why it cannot. */
export function targetTask(
  phrase: string,
  quotes: readonly string[],
  tasks: readonly KnownTask[],
  prefer?: Preference,
): Target {
  const cleaned = cleanReference(phrase, quotes);
  // "move all work tasks to friday", "rename the milk one and the bread one": a set, never one guess from it.
  if (namesSeveral(cleaned, quotes, { now: new Date(0), tasks: [...tasks] }))
    return { ok: false, plan: { kind: "reply", reply: severalReply() } };
  const resolution: Resolution = resolveTask(cleaned, tasks, prefer);
  switch (resolution.kind) {
    case "id":
      return { ok: true, id: resolution.id, task: resolution.task };
    case "match":
      return { ok: true, id: resolution.task.id, task: resolution.task };
    case "ambiguous":
      return {
        ok: false,
        plan: {
          kind: "clarify",
          reply: ambiguousReply(cleaned, resolution.candidates),
          candidates: resolution.candidates,
        },
      };
    case "none":
      return { ok: false, plan: { kind: "reply", reply: notFoundReply(cleaned) } };
  }
}
