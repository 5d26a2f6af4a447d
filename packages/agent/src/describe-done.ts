// What a failed turn had already done, in words: the tool calls that changed something and succeeded.
// Their changes stand, so the user must hear about them instead of being told only to try again.
import { READ_ONLY_TOOLS, TOOL } from "@taskflow/contracts/mcp-tools";
import type { ToolCallRecord } from "./types";

/** "I added “buy milk” and completed task #4", or undefined when nothing was changed. */
export function describeDone(calls: ToolCallRecord[]): string | undefined {
  const done = calls.filter((call) => !call.is_error && !READ_ONLY_TOOLS.has(call.tool)).map(describeCall);
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
    case TOOL.addTasks:
      return `added ${several(result, call.arguments.tasks)}`;
    case TOOL.completeTasks:
      return `completed ${several(result, call.arguments.task_ids)}`;
    case TOOL.updateTasks:
      return `updated ${several(result, call.arguments.tasks)}`;
    case TOOL.createList:
      return `created the list “${stringOf(result.name) ?? String(call.arguments.name)}”`;
    case TOOL.renameList:
      return `renamed the list “${String(call.arguments.list)}” to “${stringOf(result.name) ?? String(call.arguments.name)}”`;
    case TOOL.deleteList:
      return `deleted the list “${stringOf(result.name) ?? String(call.arguments.list)}”`;
    default:
      return `ran ${call.tool}${id !== undefined ? ` on task #${String(id)}` : ""}`;
  }
}

/** "3 tasks" for a bulk call: its result's count, else how many items it was given. */
function several(result: Record<string, unknown>, items: unknown): string {
  const count =
    typeof result.count === "number" ? result.count : Array.isArray(items) ? items.length : undefined;
  return count === undefined ? "several tasks" : count === 1 ? "1 task" : `${count} tasks`;
}

const stringOf = (value: unknown) => (typeof value === "string" && value ? value : undefined);
