/**
 * What the conversation's stored history says: the tasks the assistant named last (for "the first one",
 * "it", "both") and its last change (for "undo"). Only stored messages are read, so any replica answers a
 * follow-up the same way.
 */
import { TOOL } from "@taskflow/contracts/mcp-tools";
import type { StoredCall, StoredMessage } from "./types.js";

export interface NamedTask {
  id: number;
  title?: string;
}

/** The tools that change a task or a list (every one but the read-only listings, overview and find by date). */
export const CHANGE_TOOLS: ReadonlySet<string> = new Set<string>([
  TOOL.addTask,
  TOOL.completeTask,
  TOOL.deleteTask,
  TOOL.updateTask,
  TOOL.restoreTask,
  TOOL.addTasks,
  TOOL.completeTasks,
  TOOL.updateTasks,
  TOOL.createList,
  TOOL.renameList,
  TOOL.deleteList,
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function lastAssistant(history: readonly StoredMessage[] | undefined): StoredMessage | undefined {
  return [...(history ?? [])].reverse().find((m) => m.role === "assistant");
}

/** The user message that the last assistant message answered. */
export function lastUserBefore(history: readonly StoredMessage[] | undefined): StoredMessage | undefined {
  const all = history ?? [];
  const at = all.findLastIndex((m) => m.role === "assistant");
  return at <= 0 ? undefined : all.slice(0, at).findLast((m) => m.role === "user");
}

/** The history before the user message that the last assistant message answered. */
export function historyBefore(history: readonly StoredMessage[] | undefined): StoredMessage[] {
  const all = history ?? [];
  const answer = all.findLastIndex((m) => m.role === "assistant");
  const asked = answer <= 0 ? -1 : all.slice(0, answer).findLastIndex((m) => m.role === "user");
  return asked < 0 ? [] : all.slice(0, asked);
}

const ROW = /^#(\d+)\s/gm;
const MENTION = /#(\d+)\b/g;

/**
 * The tasks the assistant named, in the order the user saw them: the rows of a listing ("#12 [ ] milk"),
 * else every "#id" its reply mentions (the candidates of "which one?", the task a change touched).
 */
export function namedTasks(message: StoredMessage | undefined): NamedTask[] {
  if (message === undefined) return [];
  const titles = new Map<number, string>();
  for (const call of message.toolCalls ?? []) {
    const result = isRecord(call.result) ? call.result : {};
    if (Array.isArray(result.tasks))
      for (const t of result.tasks)
        if (isRecord(t) && typeof t.id === "number" && typeof t.title === "string") titles.set(t.id, t.title);
    if (typeof result.task_id === "number" && typeof result.title === "string")
      titles.set(result.task_id, result.title);
  }
  const rows = [...message.content.matchAll(ROW)];
  const found = (rows.length > 0 ? rows : [...message.content.matchAll(MENTION)]).map((m) => Number(m[1]));
  return [...new Set(found)].map((id) => {
    const title = titles.get(id);
    return title === undefined ? { id } : { id, title };
  });
}

/** True when the assistant's last message asked which task was meant. */
export function askedWhichOne(message: StoredMessage | undefined): boolean {
  return message !== undefined && /\bWhich one do you mean\?/.test(message.content);
}

/** The successful changes of the most recent assistant message that changed anything. */
export function lastChange(history: readonly StoredMessage[] | undefined): StoredCall[] | undefined {
  for (const message of [...(history ?? [])].reverse()) {
    if (message.role !== "assistant") continue;
    const changes = (message.toolCalls ?? []).filter((c) => CHANGE_TOOLS.has(c.tool));
    // A turn with a failed change was rolled back (all or nothing) or changed nothing: the last change
    // is an earlier one.
    if (changes.some((c) => c.is_error === true)) continue;
    if (changes.length > 0) return changes;
  }
  return undefined;
}
