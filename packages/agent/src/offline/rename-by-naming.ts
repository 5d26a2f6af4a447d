/**
 * Renames said by naming rather than with "rename … to …": "call task 3 Quarterly review",
 * "name the milk task Buy oat milk", "task 4 should be called Call grandpa".
 */
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { tasksOf } from "./known-tasks.js";
import { TASK_NUMBER_WORDS } from "./lexicon.js";
import { restoreQuotes, tidy, wholeQuote } from "./normalise.js";
import { targetTask } from "./task-reference.js";
import type { OfflinePlan, TurnContext } from "./types.js";

/** The task comes first as an explicit number or as "the … task", then the new title. */
const NAME_VERB_FIRST = new RegExp(
  `^(?:call|name|title)\\s+((?:${TASK_NUMBER_WORDS})\\s*#?\\s*\\d+|#\\d+|(?:the|my)\\s+.+?\\s+(?:task|todo|item))\\s+(?:to\\s+|as\\s+)?(.+)$`,
  "i",
);
const NAMED_AFTER =
  /^(.+?)\s+(?:should\s+(?:now\s+)?be|is\s+now|will\s+be|must\s+be|needs\s+to\s+be|shall\s+be)\s+(?:called|named|titled|renamed(?:\s+to)?|re-?titled(?:\s+to)?)\s+(?!off\b)(.+)$/i;

export function looksLikeNaming(text: string): boolean {
  return NAME_VERB_FIRST.test(text) || NAMED_AFTER.test(text);
}

export function planNaming(
  text: string,
  quotes: readonly string[],
  ctx: TurnContext,
): OfflinePlan | undefined {
  const m = NAME_VERB_FIRST.exec(text) ?? NAMED_AFTER.exec(text);
  const reference = m?.[1];
  const value = m?.[2];
  if (reference === undefined || value === undefined) return undefined;
  const title = wholeQuote(value, quotes) ?? restoreQuotes(tidy(value), quotes);
  if (title.length === 0) return undefined;
  const target = targetTask(reference, quotes, tasksOf(ctx));
  // A title phrase that names no task ("call the task force people …") is left to other stages.
  if (!target.ok) return target.plan.kind === "clarify" || /\d/.test(reference) ? target.plan : undefined;
  return { kind: "tool", tool: TOOL.updateTask, arguments: { task_id: target.id, title } };
}
