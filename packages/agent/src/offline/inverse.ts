/**
 * The call that reverts a stored change, used by "undo" and by the rollback of a change made of several
 * calls. An update is reverted from the `before` snapshot the offline agent keeps in the result of the
 * update_task call it records (the task's listed fields just before the change).
 */
import { INBOX } from "@taskflow/contracts";
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
  // The list's name; null (the Inbox) goes back as "inbox".
  list: "list",
};

export function taskIdOf(call: StoredCall): number | undefined {
  const result = isRecord(call.result) ? call.result : {};
  const id = result.task_id ?? call.arguments.task_id;
  return typeof id === "number" ? id : undefined;
}

/** The call undoing `call`, or why it cannot be undone. */
export function inverseOf(call: StoredCall): Step | { cannot: string } {
  const list = inverseOfListChange(call);
  if (list !== undefined) return list;
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
        key === "list"
          ? (before[field] ?? INBOX)
          : key === "due" || key === "remind_at" || key === "recurrence"
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

/**
 * The call undoing a change to a list: a new list is deleted (it was empty when made; a task added to it
 * since would move to the Inbox), a rename is renamed back. A deleted list cannot come back through the
 * tools (its tasks are in the Inbox). Undefined for a call that is not a list's.
 */
function inverseOfListChange(call: StoredCall): Step | { cannot: string } | undefined {
  const result = isRecord(call.result) ? call.result : {};
  const name = typeof result.name === "string" ? result.name : undefined;
  switch (call.tool) {
    case TOOL.createList:
      return name === undefined
        ? { cannot: "I don't know which list that was." }
        : { tool: TOOL.deleteList, arguments: { list: name } };
    case TOOL.renameList:
      return name === undefined || typeof call.arguments.list !== "string"
        ? { cannot: "I don't know the list's previous name." }
        : { tool: TOOL.renameList, arguments: { list: name, name: call.arguments.list } };
    case TOOL.deleteList:
      return {
        cannot: `A deleted list can't be brought back: its tasks are in the Inbox. Say “create a list called ${name ?? "…"}” and move them back if you need it again.`,
      };
    default:
      return undefined;
  }
}
