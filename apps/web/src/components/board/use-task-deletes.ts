"use client";

import type { Task } from "@taskflow/contracts";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { api, errorMessage } from "@/lib/api";
import type { Deleted } from "./undo-toast";

const UNDO_MS = 8000;

type Options = {
  tasks: Task[];
  setTasks: Dispatch<SetStateAction<Task[]>>;
  /** Whether the list shows the trash, where a restored task leaves the list instead of returning. */
  inTrash: boolean;
  onError: Dispatch<SetStateAction<string | null>>;
};

/** Deleting with an undo toast, and restoring (from the toast or from the trash). */
export function useTaskDeletes({ tasks, setTasks, inTrash, onError }: Options) {
  const [deleted, setDeleted] = useState<Deleted[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setDeleted((current) => current.filter((item) => item.task.id !== id));
  }, []);

  /** (Re)starts a toast's countdown: UNDO_MS from now. */
  const countDown = useCallback(
    (id: number) => {
      clearTimeout(timers.current.get(id));
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), UNDO_MS),
      );
    },
    [dismiss],
  );

  // A toast does not go while the keyboard focus or the pointer is on it (WCAG 2.2.1, timing
  // adjustable); it gets its full time again when they leave.
  const hold = useCallback((id: number) => clearTimeout(timers.current.get(id)), []);

  // Deleting moves the task to the trash on the server at once; the toast's Undo restores it.
  async function remove(task: Task): Promise<Deleted | null> {
    const index = tasks.findIndex((item) => item.id === task.id);
    setTasks((current) => current.filter((item) => item.id !== task.id));
    try {
      await api(`/api/tasks/${task.id}`, { method: "DELETE" });
    } catch (error) {
      setTasks((current) => insertAt(current, task, index));
      onError(`Could not delete “${task.title}”: ${errorMessage(error)}`);
      return null;
    }
    dismiss(task.id);
    setDeleted((current) => [...current, { task, index }]);
    countDown(task.id);
    return { task, index };
  }

  async function restore(item: Deleted) {
    dismiss(item.task.id);
    try {
      const task = await api<Task>(`/api/tasks/${item.task.id}/restore`, { method: "POST" });
      if (inTrash) setTasks((current) => current.filter((t) => t.id !== task.id));
      else setTasks((current) => insertAt(current, task, item.index));
    } catch (error) {
      onError(`Could not restore “${item.task.title}”: ${errorMessage(error)}`);
    }
  }

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  return { deleted, remove, restore, hold, release: countDown };
}

function insertAt(list: Task[], task: Task, index: number): Task[] {
  if (list.some((item) => item.id === task.id)) return list;
  const copy = [...list];
  copy.splice(index < 0 ? copy.length : Math.min(index, copy.length), 0, task);
  return copy;
}
