"use client";

import { type DragEvent, useState } from "react";
import { carriesTask, type DraggedTask, droppedTask, TASK_DRAG_TYPE } from "./task-drag";

/**
 * A place a task can be dropped on (the Inbox, a list): `over` while a task is dragged over it (for the
 * highlight), `props` for its element. Anything else dragged in is left alone (no drop allowed).
 */
export function useDropTarget(onDrop: (task: DraggedTask) => void) {
  const [over, setOver] = useState(false);
  const accept = (event: DragEvent<HTMLElement>) => {
    if (!carriesTask(event.dataTransfer.types)) return false;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    return true;
  };
  return {
    over,
    props: {
      onDragEnter: (event: DragEvent<HTMLElement>) => {
        if (accept(event)) setOver(true);
      },
      onDragOver: (event: DragEvent<HTMLElement>) => {
        if (accept(event) && !over) setOver(true);
      },
      onDragLeave: (event: DragEvent<HTMLElement>) => {
        // Leaving for a child of the target (the count, the name) is still over it.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      },
      onDrop: (event: DragEvent<HTMLElement>) => {
        setOver(false);
        const task = droppedTask(event.dataTransfer.getData(TASK_DRAG_TYPE));
        if (!task) return;
        event.preventDefault();
        onDrop(task);
      },
    },
  };
}
