import { TOOL } from "@taskflow/contracts/mcp-tools";
import { bareParticipleSubject, looksLikePastTense, participleSubject } from "./intents.js";
import { tasksOf } from "./known-tasks.js";
import { isAddOpening } from "./plan-add.js";
import { targetTask } from "./task-reference.js";
import type { OfflinePlan, TurnContext } from "./types.js";

/**
 * "the milk is bought", "called mom", "rent paid": a report that an existing task is done completes it.
 * Undefined when the message is no such report or names no task (then it may still be a new task).
 */
export function planReportedDone(
  text: string,
  quotes: readonly string[],
  ctx: TurnContext,
): OfflinePlan | undefined {
  const reported =
    participleSubject(text) ??
    (looksLikePastTense(text) ? text : undefined) ??
    (isAddOpening(text) ? undefined : bareParticipleSubject(text));
  if (reported === undefined) return undefined;
  const target = targetTask(
    reported.replace(/^(?:i|we)(?:'ve|\s+have)?\s+/i, ""),
    quotes,
    tasksOf(ctx),
    "pending",
  );
  if (target.ok) return { kind: "tool", tool: TOOL.completeTask, arguments: { task_id: target.id } };
  return target.plan.kind === "clarify" ? target.plan : undefined;
}
