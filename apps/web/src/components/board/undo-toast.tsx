"use client";

import type { Task } from "@taskflow/contracts";

/** A task just moved to the trash, and where it stood in the list (to put it back there on undo). */
export type Deleted = { task: Task; index: number };

/** "Moved ‘X’ to the trash · Undo": the task is already in the trash; Undo restores it. */
export function UndoToast({
  deleted,
  onUndo,
  onHold,
  onRelease,
}: {
  deleted: Deleted[];
  onUndo: (item: Deleted) => void;
  /** Focus or the pointer came onto the toast: it stays. */
  onHold: (id: number) => void;
  /** They left: its countdown starts again. */
  onRelease: (id: number) => void;
}) {
  if (deleted.length === 0) return null;
  return (
    <div
      className="fixed inset-x-3 bottom-20 z-50 mx-auto flex max-w-md flex-col gap-2 sm:bottom-6"
      aria-live="polite"
    >
      {deleted.map((item) => (
        <div
          key={item.task.id}
          role="status"
          data-testid="undo-toast"
          onFocus={() => onHold(item.task.id)}
          onBlur={(event) => {
            const toast = event.currentTarget;
            if (!toast.contains(event.relatedTarget) && !toast.matches(":hover")) onRelease(item.task.id);
          }}
          onMouseEnter={() => onHold(item.task.id)}
          onMouseLeave={(event) => {
            if (!event.currentTarget.contains(document.activeElement)) onRelease(item.task.id);
          }}
          className="flex animate-rise items-center gap-3 rounded-xl bg-inverse px-4 py-3 text-sm text-on-inverse shadow-xl"
        >
          <span className="min-w-0 flex-1 truncate">
            Moved <span className="font-medium">‘{item.task.title}’</span> to the trash
          </span>
          <button
            type="button"
            onClick={() => onUndo(item)}
            className="rounded-md px-2 py-1 font-semibold text-brand-200 hover:bg-on-inverse/10 hover:text-on-inverse"
            data-testid="undo-delete"
          >
            Undo
          </button>
        </div>
      ))}
    </div>
  );
}
