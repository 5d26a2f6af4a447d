import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { applyChanges, checkBatchSize } from "./bulk";

/**
 * Marks every task done or none (one transaction). Like completing one task, a task already done stays
 * done with its original completion time, and naming a task twice is harmless.
 */
export async function completeTasks(db: Db, userId: string, taskIds: number[]): Promise<Task[]> {
  checkBatchSize(taskIds.length, "task_ids");
  return applyChanges(
    db,
    userId,
    taskIds.map((taskId) => ({ taskId, changes: { completed: true } })),
  );
}
