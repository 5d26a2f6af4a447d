/**
 * The call that reverts a stored change, used by "undo" and by the rollback of a change made of several
 * calls. An update is reverted from the `before` snapshot the offline agent keeps in the result of the
 * update_task call it records (the task's listed fields just before the change).
 */
import { TOOL } from "@taskflow/contracts/mcp-tools";
import type { Step, StoredCall } from "./types.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Where an update's argument lives in a listed task. */
const LISTED_FIELD: Record<string, string> = {
  title: "title",
  priority: "priority",
  tags: "tags",
  due: "due_at",
  completed: "completed",
  remind_at: "remind_at",
  // The rule in words: the tools read a phrase as well as an RRULE, and the wording reads back as the rule.
  recurrence: "recurrence_text",
};

export function taskIdOf(call: StoredCall): number | undefined {
  const result = isRecord(call.result) ? call.result : {};
  const id = result.task_id ?? call.arguments.task_id;
  return typeof id === "number" ? id : undefined;
}

/** The call undoing `call`, or why it cannot be undone. */
export function inverseOf(call: StoredCall): Step | { cannot: string } {
  const id = taskIdOf(call);
  if (id === undefined) return { cannot: "I don't know which task that change was on." };
  switch (call.tool) {
    case TOOL.addTask:
    case TOOL.restoreTask:
      return { tool: TOOL.deleteTask, arguments: { task_id: id } };
    case TOOL.deleteTask:
      return { tool: TOOL.restoreTask, arguments: { task_id: id } };
    case TOOL.completeTask:
      return repeatedOn(call) ?? { tool: TOOL.updateTask, arguments: { task_id: id, completed: false } };
    case TOOL.updateTask:
      return inverseOfUpdate(id, call);
    default:
      return { cannot: `I can't undo ${call.tool}.` };
  }
}

/**
 * Completing a repeating task moved it to its next date and counted it (the result carries the rule):
 * reopening would change nothing, and the count cannot be taken back through the tools, so say so.
 */
function repeatedOn(call: StoredCall): { cannot: string } | undefined {
  const result = isRecord(call.result) ? call.result : {};
  if (typeof result.recurrence_text !== "string" || result.recurrence_text === "") return undefined;
  return {
    cannot: `Completing a repeating task moved it to its next date (${result.recurrence_text}) and counted it; I can't take that back. Move its due yourself if you need to.`,
  };
}

function inverseOfUpdate(id: number, call: StoredCall): Step | { cannot: string } {
  const result = isRecord(call.result) ? call.result : {};
  const before = isRecord(result.before) ? result.before : undefined;
  const args: Record<string, unknown> = { task_id: id };
  for (const key of Object.keys(call.arguments)) {
    if (key === "task_id") continue;
    const field = LISTED_FIELD[key];
    if (before !== undefined && field !== undefined && field in before) {
      args[key] =
        key === "due" || key === "remind_at" || key === "recurrence"
          ? (before[field] ?? null)
          : before[field];
    } else if (key === "completed" && typeof call.arguments.completed === "boolean") {
      args.completed = !call.arguments.completed;
    } else {
      return {
        cannot: `I don't have the task's previous ${key === "due" ? "due date" : key === "remind_at" ? "reminder" : key}, so I can't put it back.`,
      };
    }
  }
  return { tool: TOOL.updateTask, arguments: args };
}
