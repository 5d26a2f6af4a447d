// What `z` can take back, and which change it takes back: the pure part of use-undo-history.ts.
import type { Task } from "@taskflow/contracts";
import type { Deleted } from "@/components/board/undo-toast";

/** A task completed or reopened (and the state it was put in), or a task moved to the trash. */
export type UndoEntry =
  | { kind: "complete"; id: number; completed: boolean }
  | { kind: "delete"; item: Deleted };

/** How many changes are remembered. */
export const UNDO_KEEP = 50;

type TaskState = Pick<Task, "id" | "completed" | "recurrence">;

/** The history with `entry` added (the oldest dropped past UNDO_KEEP). */
export function remember(history: readonly UndoEntry[], entry: UndoEntry): UndoEntry[] {
  return [...history, entry].slice(-UNDO_KEEP);
}

/**
 * The entry for toggling `task`, or null: a repeating task completed moves on to its next date, and
 * toggling it again would not bring that back.
 */
export function completionEntry(task: TaskState): UndoEntry | null {
  return task.recurrence === null ? { kind: "complete", id: task.id, completed: !task.completed } : null;
}

/** The history without the delete of task `id` (restored another way: the toast's Undo). */
export function withoutDelete(history: readonly UndoEntry[], id: number): UndoEntry[] {
  return history.filter((entry) => !(entry.kind === "delete" && entry.item.task.id === id));
}

export type Undo<T extends TaskState> = { kind: "restore"; item: Deleted } | { kind: "toggle"; task: T };

/**
 * What `z` does now: the latest change that still applies — a delete is restored; a completion is
 * toggled back unless its task is gone from the list or was toggled back by hand since (those are
 * passed over) — and the history left after it.
 */
export function takeUndo<T extends TaskState>(
  history: readonly UndoEntry[],
  tasks: readonly T[],
): { undo: Undo<T> | null; rest: UndoEntry[] } {
  const rest = [...history];
  for (let entry = rest.pop(); entry; entry = rest.pop()) {
    if (entry.kind === "delete") return { undo: { kind: "restore", item: entry.item }, rest };
    const { id, completed } = entry;
    const task = tasks.find((candidate) => candidate.id === id);
    if (task && task.completed === completed) return { undo: { kind: "toggle", task }, rest };
  }
  return { undo: null, rest };
}
