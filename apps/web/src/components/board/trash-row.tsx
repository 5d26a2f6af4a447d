"use client";

import type { Task } from "@taskflow/contracts";
import { useState } from "react";
import { TaskNumber } from "./task-number";

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 30;

function daysLeft(deletedAt: string): number {
  const left = RETENTION_DAYS - Math.floor((Date.now() - Date.parse(deletedAt)) / DAY_MS);
  return Math.max(0, left);
}

/** A task in the trash: its title, how long it stays restorable, and a Restore button. */
export function TrashRow({ task, onRestore }: { task: Task; onRestore: (task: Task) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const left = task.deleted_at ? daysLeft(task.deleted_at) : RETENTION_DAYS;
  return (
    <li
      data-testid="trash-item"
      data-task-id={task.id}
      className="flex items-center gap-3 rounded-xl border border-slate-200 bg-surface px-4 py-3"
    >
      <span className="min-w-0 flex-1">
        <span className="flex min-w-0 items-baseline gap-1.5">
          <span dir="auto" className="truncate font-medium text-slate-700">
            {task.title}
          </span>
          <TaskNumber id={task.id} className="shrink-0" />
        </span>
        <span className="block text-xs text-slate-600">
          {left === 0 ? "Removed for good today" : `Removed for good in ${left} day${left === 1 ? "" : "s"}`}
        </span>
      </span>
      <button
        type="button"
        className="btn btn-secondary px-3 py-1.5"
        disabled={busy}
        aria-label={`Restore ${task.title}`}
        data-testid="trash-restore"
        onClick={async () => {
          setBusy(true);
          try {
            await onRestore(task);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? "Restoring…" : "Restore"}
      </button>
    </li>
  );
}
