// One-line summaries of the assistant's tool calls, e.g. "Added ‘Buy milk’ · due Fri".
import type { ToolCall } from "@taskflow/contracts";
import { READ_ONLY_TOOLS, TOOL } from "@taskflow/contracts/mcp-tools";
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
  [TOOL.restoreTask]: "restore the task",
  [TOOL.addTasks]: "add the tasks",
  [TOOL.completeTasks]: "complete the tasks",
  [TOOL.updateTasks]: "update the tasks",
  [TOOL.getOverview]: "read your overview",
  [TOOL.findTasksByDate]: "find tasks by date",
  [TOOL.listLists]: "read your lists",
  [TOOL.createList]: "create the list",
  [TOOL.renameList]: "rename the list",
  [TOOL.deleteList]: "delete the list",
};

const plural = (count: number, one: string) => `${count} ${count === 1 ? one : `${one}s`}`;
const countOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

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
    case TOOL.restoreTask:
      return { label: `Restored ‘${title}’`, tone: "update", changesTasks: true };
    case TOOL.addTasks:
      return { label: `Added ${plural(countOf(result.results), "task")}`, tone: "add", changesTasks: true };
    case TOOL.completeTasks:
      return {
        label: `Completed ${plural(countOf(result.results), "task")}`,
        tone: "done",
        changesTasks: true,
      };
    case TOOL.updateTasks:
      return {
        label: `Updated ${plural(countOf(result.results), "task")}`,
        tone: "update",
        changesTasks: true,
      };
    case TOOL.listTasks:
    case TOOL.findTasksByDate:
      return { label: `Listed ${plural(countOf(result.tasks), "task")}`, tone: "list", changesTasks: false };
    case TOOL.getOverview:
      return { label: "Read your overview", tone: "list", changesTasks: false };
    case TOOL.listLists:
      return {
        label: `Read your ${plural(countOf(result.lists), "list")}`,
        tone: "list",
        changesTasks: false,
      };
    case TOOL.createList:
      return {
        label: `Created list ‘${str(result.name) ?? str(args.name) ?? "list"}’`,
        tone: "add",
        changesTasks: true,
      };
    case TOOL.renameList:
      return {
        label: `Renamed list ‘${str(args.list) ?? "list"}’ to ‘${str(result.name) ?? str(args.name) ?? "?"}’`,
        tone: "update",
        changesTasks: true,
      };
    case TOOL.deleteList:
      return {
        label: `Deleted list ‘${str(result.name) ?? str(args.list) ?? "list"}’`,
        tone: "delete",
        changesTasks: true,
      };
    default:
      // A tool this page does not know yet: say which, and refresh unless it only reads.
      return { label: `Used ${call.tool}`, tone: "update", changesTasks: !READ_ONLY_TOOLS.has(call.tool) };
  }
}
