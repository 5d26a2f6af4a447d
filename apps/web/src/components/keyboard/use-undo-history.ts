"use client";

import type { Task } from "@taskflow/contracts";
import { useRef } from "react";
import type { Deleted } from "@/components/board/undo-toast";
import { focusRowWhenShown } from "./task-focus";
import { completionEntry, remember, takeUndo, type UndoEntry, withoutDelete } from "./undo-history";

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
  const history = useRef<UndoEntry[]>([]);
  const current = useRef(tasks);
  current.current = tasks;

  async function complete(task: Task) {
    const entry = completionEntry(task);
    if (entry) history.current = remember(history.current, entry);
    await toggle(task);
    changed();
  }

  async function trash(task: Task) {
    const item = await remove(task);
    if (item) history.current = remember(history.current, { kind: "delete", item });
    changed();
  }

  async function bringBack(item: Deleted) {
    history.current = withoutDelete(history.current, item.task.id);
    await restore(item);
    changed();
    focusRowWhenShown(item.task.id);
  }

  async function undo() {
    const { undo, rest } = takeUndo(history.current, current.current);
    history.current = rest;
    if (undo?.kind === "restore") return bringBack(undo.item);
    if (undo?.kind === "toggle") {
      await toggle(undo.task);
      changed();
      focusRowWhenShown(undo.task.id);
    }
  }

  return { complete, remove: trash, restore: bringBack, undo };
}
