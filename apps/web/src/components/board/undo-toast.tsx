"use client";

import type { Task } from "@taskflow/core/contracts";

export type PendingDelete = { task: Task; index: number; expiresAt: number };

/** "Deleted ‘X’ · Undo" — the delete is only sent when the bar runs out. */
export function UndoToast({
  pending,
  onUndo,
}: {
  pending: PendingDelete[];
  onUndo: (pending: PendingDelete) => void;
}) {
  if (pending.length === 0) return null;
  return (
    <div
      className="fixed inset-x-3 bottom-20 z-50 mx-auto flex max-w-md flex-col gap-2 sm:bottom-6"
      aria-live="polite"
    >
      {pending.map((item) => (
        <div
          key={item.task.id}
          role="status"
          data-testid="undo-toast"
          className="relative flex animate-rise items-center gap-3 overflow-hidden rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-xl"
        >
          <span className="min-w-0 flex-1 truncate">
            Deleted <span className="font-medium">‘{item.task.title}’</span>
          </span>
          <button
            type="button"
            onClick={() => onUndo(item)}
            className="rounded-md px-2 py-1 font-semibold text-brand-200 hover:bg-white/10 hover:text-white"
            data-testid="undo-delete"
          >
            Undo
          </button>
          <span
            aria-hidden="true"
            className="absolute bottom-0 left-0 h-0.5 bg-brand-500"
            style={{
              width: "100%",
              animation: `undo-countdown ${Math.max(0, item.expiresAt - Date.now())}ms linear forwards`,
            }}
          />
        </div>
      ))}
      <style>{"@keyframes undo-countdown { from { width: 100%; } to { width: 0%; } }"}</style>
    </div>
  );
}
