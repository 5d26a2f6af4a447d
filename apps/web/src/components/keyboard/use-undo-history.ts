"use client";

import type { Task } from "@taskflow/contracts";
import { useRef } from "react";
import type { Deleted } from "@/components/board/undo-toast";
import { focusRowWhenShown } from "./task-focus";

/** A change `z` can take back: a task completed or reopened, or a task moved to the trash. */
type Entry = { kind: "complete"; id: number; completed: boolean } | { kind: "delete"; item: Deleted };

const KEEP = 50;

type Options = {
  tasks: Task[];
  toggle: (task: Task) => Promise<void>;
  /** Moves a task to the trash; what was deleted (and where it stood), or null when it failed. */
  remove: (task: Task) => Promise<Deleted | null>;
  restore: (item: Deleted) => Promise<void>;
  /** Called after each change (the view counts follow). */
  changed: () => void;
};

/**
 * Completing and deleting that remember what they did, so `z` undoes the last of them (and the undo
 * toast's button restores its task) and focus lands on the task that came back.
 */
export function useUndoHistory({ tasks, toggle, remove, restore, changed }: Options) {
  const history = useRef<Entry[]>([]);
  const current = useRef(tasks);
  current.current = tasks;

  const remember = (entry: Entry) => {
    history.current = [...history.current, entry].slice(-KEEP);
  };

  async function complete(task: Task) {
    // A repeating task completed moves on to its next date: toggling again would not bring it back.
    if (task.recurrence === null) remember({ kind: "complete", id: task.id, completed: !task.completed });
    await toggle(task);
    changed();
  }

  async function trash(task: Task) {
    const item = await remove(task);
    if (item) remember({ kind: "delete", item });
    changed();
  }

  async function bringBack(item: Deleted) {
    history.current = history.current.filter(
      (e) => !(e.kind === "delete" && e.item.task.id === item.task.id),
    );
    await restore(item);
    changed();
    focusRowWhenShown(item.task.id);
  }

  async function undo() {
    for (let entry = history.current.pop(); entry; entry = history.current.pop()) {
      if (entry.kind === "delete") return bringBack(entry.item);
      const id = entry.id;
      const task = current.current.find((t) => t.id === id);
      // Skipped when the task is gone or was toggled back by hand since.
      if (task && task.completed === entry.completed) {
        await toggle(task);
        changed();
        focusRowWhenShown(task.id);
        return;
      }
    }
  }

  return { complete, remove: trash, restore: bringBack, undo };
}
