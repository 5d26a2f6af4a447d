import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { applyChanges, checkBatchSize } from "./bulk";

/**
 * Marks every task done or none (one transaction). Like completing one task, a task already done stays
 * done with its original completion time, and a repeating task moves to its next occurrence. Naming a
 * task twice is harmless: it is completed once (a repeating task does not skip an occurrence), and each
 * mention gets its result.
 */
export async function completeTasks(db: Db, userId: string, taskIds: number[]): Promise<Task[]> {
  checkBatchSize(taskIds.length, "task_ids");
  const once = [...new Set(taskIds)];
  const done = await applyChanges(
    db,
    userId,
    once.map((taskId) => ({ taskId, changes: { completed: true } })),
  );
  const byId = new Map(done.map((task) => [task.id, task]));
  return taskIds.map((taskId) => byId.get(taskId) as Task);
}
