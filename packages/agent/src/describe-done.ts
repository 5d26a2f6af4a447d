// What a failed turn had already done, in words: the tool calls that changed something and succeeded.
// Their changes stand, so the user must hear about them instead of being told only to try again.
import { TOOL } from "@taskflow/contracts/mcp-tools";
import type { ToolCallRecord } from "./types";

const READ_ONLY = new Set([TOOL.listTasks, "get_task", "search_tasks"]);

/** "I added “buy milk” and completed task #4", or undefined when nothing was changed. */
export function describeDone(calls: ToolCallRecord[]): string | undefined {
  const done = calls.filter((call) => !call.is_error && !READ_ONLY.has(call.tool)).map(describeCall);
  if (done.length === 0) return undefined;
  const list = done.length === 1 ? done[0] : `${done.slice(0, -1).join(", ")} and ${done.at(-1)}`;
  return `I ${list}`;
}

function describeCall(call: ToolCallRecord): string {
  const result = (call.result && typeof call.result === "object" ? call.result : {}) as Record<
    string,
    unknown
  >;
  const title = stringOf(result.title) ?? stringOf(call.arguments.title);
  const id = result.task_id ?? call.arguments.task_id;
  const task = title ? `“${title}”` : id !== undefined ? `task #${String(id)}` : "a task";
  switch (call.tool) {
    case TOOL.addTask:
      return `added ${task}`;
    case TOOL.completeTask:
      return `completed ${task}`;
    case TOOL.deleteTask:
      return `deleted ${task}`;
    case TOOL.updateTask:
      return `updated ${task}`;
    case TOOL.restoreTask:
      return `restored ${task}`;
    default:
      return `ran ${call.tool}${id !== undefined ? ` on task #${String(id)}` : ""}`;
  }
}

const stringOf = (value: unknown) => (typeof value === "string" && value ? value : undefined);
