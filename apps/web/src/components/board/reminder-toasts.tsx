"use client";

import type { Task } from "@taskflow/contracts";
import { ChoiceButtons } from "@/components/ui/choice-buttons";
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
  // Acting on a reminder answers it: the toast goes.
  const act = (action: (task: Task) => void, task: Task, key: string) => {
    action(task);
    onDismiss(key);
  };
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
            <ChoiceButtons
              className="mt-2 gap-2"
              buttonClassName="px-2.5 py-1"
              choices={[
                { label: "Done", testId: "reminder-done", onClick: () => act(onDone, task, key) },
                { label: "Open", testId: "reminder-open", onClick: () => act(onOpen, task, key) },
              ]}
            />
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
