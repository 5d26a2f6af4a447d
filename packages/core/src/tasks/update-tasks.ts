import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { invalid } from "../errors";
import { applyChanges, checkBatchSize, itemError, type TaskChange } from "./bulk";

/**
 * Applies every change or none (one transaction). A task may appear once: two changes to one task in
 * one call would depend on their order, so that is refused, naming both items.
 */
export async function updateTasks(db: Db, userId: string, items: TaskChange[]): Promise<Task[]> {
  checkBatchSize(items.length, "tasks");
  const seen = new Map<number, number>();
  for (const [index, { taskId }] of items.entries()) {
    const earlier = seen.get(taskId);
    if (earlier !== undefined)
      throw itemError(
        index,
        invalid("task_id", `repeats task ${taskId} (item ${earlier + 1}); give each task once`),
      );
    seen.set(taskId, index);
  }
  return applyChanges(db, userId, items);
}
