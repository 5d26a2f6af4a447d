import type { Task } from "@taskflow/contracts";

export type ActionStatus = "created" | "completed" | "deleted" | "updated" | "restored";

/**
 * A tool's result for one task: `{task_id, status, title}`, plus for a repeating task its due and rule in
 * words (after a completion the due is the next occurrence: the task stays open), and its reminder if set.
 */
export function actionResult(task: Task, status: ActionStatus) {
  return {
    task_id: task.id,
    status,
    title: task.title,
    ...(task.recurrence_text === null ? {} : { due_at: task.due_at, recurrence_text: task.recurrence_text }),
    ...(task.remind_at === null ? {} : { remind_at: task.remind_at }),
  };
}
