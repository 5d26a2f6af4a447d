import type { CreateTaskInput, Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { AppError } from "../errors";
import { checkOwnLists } from "../lists/own-lists";
import { batchStatementName, checkBatchSize, itemError } from "./bulk";
import { buildTaskInsert, taskInsertParams } from "./create-task";
import { withRecurrence } from "./repeat";
import { wireToTask } from "./task-dto";

/** Creates every task or none: one transaction, the tasks in the order given. */
export async function createTasks(db: Db, userId: string, inputs: CreateTaskInput[]): Promise<Task[]> {
  checkBatchSize(inputs.length, "tasks");
  return db.transaction(async (tx) => {
    const insert = buildTaskInsert(tx, batchStatementName("task_insert"));
    const created: Task[] = [];
    for (const [index, input] of inputs.entries()) {
      await checkOwnLists(tx, userId, [input.list_id]).catch((error: unknown) => {
        throw error instanceof AppError ? itemError(index, error) : error;
      });
      const resolved = await withRecurrence(tx, userId, input).catch((error: unknown) => {
        throw error instanceof AppError ? itemError(index, error) : error;
      });
      const [row] = await insert.execute(taskInsertParams(userId, resolved));
      if (!row) throw new Error("insert returned no row");
      created.push(wireToTask(row));
    }
    return created;
  });
}
