// One-line summaries of the assistant's tool calls, e.g. "Added ‘Buy milk’ · due Fri".
import type { ToolCall } from "@taskflow/contracts";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { browserTimeZone, describeDue } from "./dates";

export type ToolChip = {
  label: string;
  tone: "add" | "done" | "delete" | "update" | "list" | "error";
  changesTasks: boolean;
};

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function errorText(result: unknown): string | undefined {
  if (typeof result === "string") return result;
  const r = record(result);
  return str(r.error) ?? str(r.message) ?? str(r.detail) ?? str(r.text);
}

const VERB: Record<string, string> = {
  [TOOL.addTask]: "add a task",
  [TOOL.completeTask]: "complete the task",
  [TOOL.deleteTask]: "delete the task",
  [TOOL.updateTask]: "update the task",
  [TOOL.listTasks]: "list tasks",
};

/** `timeZone`: the user's, which a due the assistant sent is shown in. */
export function describeToolCall(call: ToolCall, timeZone: string = browserTimeZone()): ToolChip {
  const args = record(call.arguments);
  const result = record(call.result);
  if (call.is_error) {
    const reason = errorText(call.result);
    return {
      label: `Couldn’t ${VERB[call.tool] ?? call.tool}${reason ? `: ${reason}` : ""}`,
      tone: "error",
      changesTasks: false,
    };
  }
  const title =
    str(result.title) ??
    str(args.title) ??
    (typeof args.task_id === "number" ? `task ${args.task_id}` : "task");
  switch (call.tool) {
    case TOOL.addTask: {
      const due = str(args.due);
      return {
        label: `Added ‘${title}’${due ? ` · due ${describeDue(due, timeZone).label}` : ""}`,
        tone: "add",
        changesTasks: true,
      };
    }
    case TOOL.completeTask:
      return { label: `Completed ‘${title}’`, tone: "done", changesTasks: true };
    case TOOL.deleteTask:
      return { label: `Deleted ‘${title}’`, tone: "delete", changesTasks: true };
    case TOOL.updateTask:
      return { label: `Updated ‘${title}’`, tone: "update", changesTasks: true };
    case TOOL.listTasks: {
      const count = Array.isArray(result.tasks) ? result.tasks.length : 0;
      return {
        label: `Listed ${count} ${count === 1 ? "task" : "tasks"}`,
        tone: "list",
        changesTasks: false,
      };
    }
    default:
      return { label: `Used ${call.tool}`, tone: "update", changesTasks: true };
  }
}
