// Native HTML5 drag and drop of a task onto a list: what a task row puts in the drag, and how a drop
// target reads it back. A type of its own, so text or files dragged in are not taken for a task.
import type { Task } from "@taskflow/contracts";
import type { DragEvent } from "react";

export const TASK_DRAG_TYPE = "application/x-taskflow-task";

export type DraggedTask = Pick<Task, "id" | "title" | "list_id">;

/** The props that make a task row draggable. */
export function taskDragProps(task: DraggedTask) {
  return {
    draggable: true,
    onDragStart: (event: DragEvent<HTMLElement>) => {
      const { id, title, list_id } = task;
      event.dataTransfer.setData(TASK_DRAG_TYPE, JSON.stringify({ id, title, list_id }));
      event.dataTransfer.setData("text/plain", task.title);
      event.dataTransfer.effectAllowed = "move";
    },
  };
}

/** Does the drag carry a task (its data itself can only be read on drop)? */
export function carriesTask(types: readonly string[]): boolean {
  return types.includes(TASK_DRAG_TYPE);
}

/** The task a drop carries, or null when it is not one (or not one we wrote). */
export function droppedTask(data: string): DraggedTask | null {
  try {
    const value = JSON.parse(data) as Partial<DraggedTask> | null;
    if (
      !value ||
      !Number.isInteger(value.id) ||
      typeof value.title !== "string" ||
      !(value.list_id === null || Number.isInteger(value.list_id))
    )
      return null;
    return { id: value.id as number, title: value.title, list_id: value.list_id as number | null };
  } catch {
    return null;
  }
}
