import { TOOL } from "@taskflow/contracts/mcp-tools";
import { findDate } from "./dates.js";
import { detectVerbIntent } from "./intents.js";
import { tasksOf } from "./known-tasks.js";
import type { Preference } from "./resolve-task.js";
import { targetTask } from "./task-reference.js";
import type { OfflinePlan, ToolName, TurnContext } from "./types.js";

/** Completing picks among the open tasks, reopening among the done ones. */
const PREFER: Record<string, Preference> = { complete: "pending", reopen: "completed" };

function toolFor(intent: string): ToolName {
  if (intent === "complete") return TOOL.completeTask;
  if (intent === "delete") return TOOL.deleteTask;
  return TOOL.updateTask;
}

/**
 * "complete task 3", "delete the milk one", "reopen the report": a verb on one existing task. Undefined
 * when no such verb opens the message, or when "finish the slides by friday" names no task but reads as a
 * new one (a completion with a date).
 */
export function planVerb(text: string, quotes: readonly string[], ctx: TurnContext): OfflinePlan | undefined {
  const detected = detectVerbIntent(text);
  if (
    detected === undefined ||
    !(detected.intent === "complete" || detected.intent === "delete" || detected.intent === "reopen")
  )
    return undefined;
  if (detected.rest.trim().length === 0) {
    return {
      kind: "reply",
      reply: `Which task? Say for example “${detected.intent} task 3” or “show my tasks”.`,
    };
  }
  const target = targetTask(detected.rest, quotes, tasksOf(ctx), PREFER[detected.intent]);
  if (target.ok) {
    const args: Record<string, unknown> = { task_id: target.id };
    if (detected.intent === "reopen") args.completed = false;
    return { kind: "tool", tool: toolFor(detected.intent), arguments: args };
  }
  if (detected.intent === "complete" && findDate(text, ctx) !== undefined) return undefined;
  return target.plan;
}
