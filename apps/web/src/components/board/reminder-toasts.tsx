"use client";

import type { Task } from "@taskflow/contracts";
import { XIcon } from "@/components/ui/icons";
import { BellIcon } from "./board-icons";
import type { Reminder } from "./use-reminders";

type Props = {
  reminders: Reminder[];
  onDone: (task: Task) => void;
  onOpen: (task: Task) => void;
  onDismiss: (key: string) => void;
};

/** Reminders that came due, until the person acts on them; announced by screen readers as they come. */
export function ReminderToasts({ reminders, onDone, onOpen, onDismiss }: Props) {
  return (
    <section
      aria-label="Reminders"
      aria-live="assertive"
      className="pointer-events-none fixed inset-x-3 top-16 z-50 mx-auto flex max-w-md flex-col gap-2 sm:right-6 sm:left-auto sm:mx-0 sm:w-96"
    >
      {reminders.map(({ key, task }) => (
        <div
          key={key}
          data-testid="reminder-toast"
          data-task-id={task.id}
          className="pointer-events-auto flex animate-rise items-start gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-slate-900 shadow-xl"
        >
          <BellIcon width={18} height={18} className="mt-0.5 shrink-0 text-amber-600" />
          <div className="min-w-0 flex-1">
            <p className="text-xs font-semibold tracking-wide text-amber-700 uppercase">Reminder</p>
            <p className="font-medium break-words" data-testid="reminder-title">
              {task.title}
            </p>
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                className="btn btn-primary px-2.5 py-1"
                onClick={() => {
                  onDone(task);
                  onDismiss(key);
                }}
                data-testid="reminder-done"
              >
                Done
              </button>
              <button
                type="button"
                className="btn btn-secondary px-2.5 py-1"
                onClick={() => {
                  onOpen(task);
                  onDismiss(key);
                }}
                data-testid="reminder-open"
              >
                Open
              </button>
            </div>
          </div>
          <button
            type="button"
            className="btn btn-ghost -mt-1 -mr-2 p-1.5"
            onClick={() => onDismiss(key)}
            aria-label={`Dismiss the reminder for “${task.title}”`}
            data-testid="reminder-dismiss"
          >
            <XIcon width={15} height={15} />
          </button>
        </div>
      ))}
    </section>
  );
}
