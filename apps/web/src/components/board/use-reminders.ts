"use client";

import type { Task } from "@taskflow/contracts";
import { useCallback, useRef, useState } from "react";
import { useNotifications } from "@/lib/use-notifications";

/** One reminder: a task and the remind_at it came due for (its identity: shown once per page). */
export type Reminder = { key: string; task: Task };

const reminderKey = (task: Task) => `${task.id}@${task.remind_at ?? ""}`;

/**
 * The reminders that came due while the page is open (`reminder.due`), each shown once in the page
 * and, when the user allowed it, as a browser notification. A reminder seen again (a reconnect, a
 * second delivery) is ignored.
 */
export function useReminders(onOpen: (task: Task) => void) {
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const seen = useRef(new Set<string>());
  const notifications = useNotifications();
  const { notify } = notifications;

  const dismiss = useCallback(
    (key: string) => setReminders((current) => current.filter((item) => item.key !== key)),
    [],
  );

  const remind = useCallback(
    (task: Task) => {
      const key = reminderKey(task);
      if (seen.current.has(key)) return;
      seen.current.add(key);
      setReminders((current) => [...current, { key, task }]);
      notify(
        `Reminder: ${task.title}`,
        { body: task.description || "Taskflow reminder", tag: `taskflow-reminder-${key}` },
        () => onOpen(task),
      );
    },
    [notify, onOpen],
  );

  return { reminders, remind, dismiss, notifications };
}
