// What the bulk use cases (create-tasks, complete-tasks, update-tasks) share: the batch bound, errors
// that name the item, and changes applied in one transaction.
import type { Task, UpdateTaskInput } from "@taskflow/contracts";
import { MAX_BULK_ITEMS } from "@taskflow/contracts/mcp-tools";
import type { Db } from "@taskflow/db/client";
import type { TaskRow } from "@taskflow/db/schema";
import { AppError, invalid } from "../errors";
import { checkOwnLists } from "../lists/own-lists";
import { lockTask } from "./repeat";
import { toTask } from "./task-dto";
import {
  buildTaskUpdate,
  changedFields,
  lockedStatementName,
  taskUpdateParams,
  updateLocked,
  updateShape,
} from "./update-task";

export function checkBatchSize(count: number, what: string): void {
  if (count < 1) throw invalid(what, "must list at least one item");
  if (count > MAX_BULK_ITEMS) throw invalid(what, `must list at most ${MAX_BULK_ITEMS} items`);
}

/**
 * The error of item `index` (0-based) of a batch, "item 3: title must not be empty", with each field
 * error's path starting at the item (`2.title`).
 */
export function itemError(index: number, error: AppError): AppError {
  return new AppError(
    error.code,
    `item ${index + 1}: ${error.message}`,
    error.fieldErrors.map((field) => ({ ...field, field: `${index}.${field.field}` })),
  );
}

/**
 * The name a batch statement is prepared under on its transaction's connection. A transaction is a
 * new handle each time, so `prepared()`'s per-handle cache would give every batch fresh names and leave
 * a server-side statement per batch on pooled connections; a fixed name per SQL text is parsed once per
 * connection and reused (node-postgres checks the text matches; PGlite ignores names).
 */
export const batchStatementName = (key: string) => `tfx_${key}`;

export interface TaskChange {
  taskId: number;
  changes: UpdateTaskInput;
}

/**
 * One change inside a batch's transaction: the one-statement update (prepared once per shape), or, for a
 * change that needs the task's rule (setting `recurrence`, completing a repeating task), the locked way.
 */
async function applyChange(
  tx: Db,
  userId: string,
  taskId: number,
  changes: UpdateTaskInput,
  statements: Map<string, ReturnType<typeof buildTaskUpdate>>,
): Promise<TaskRow> {
  if (typeof changes.recurrence !== "string") {
    const present = changedFields(changes);
    const shape = updateShape(present, changes.completed);
    let statement = statements.get(shape);
    if (!statement) {
      statement = buildTaskUpdate(tx, lockedStatementName(shape), present, changes.completed);
      statements.set(shape, statement);
    }
    const [row] = await statement.execute(taskUpdateParams(userId, taskId, changes));
    if (row) return row;
  }
  const { row, timeZone } = await lockTask(tx, userId, taskId);
  return updateLocked(tx, row, timeZone, changes, lockedStatementName);
}

/**
 * Applies every change or none, in one transaction: a task that is missing, another user's or in the
 * trash rolls the whole batch back with an error naming its item.
 */
export async function applyChanges(db: Db, userId: string, items: TaskChange[]): Promise<Task[]> {
  return db.transaction(async (tx) => {
    const statements = new Map<string, ReturnType<typeof buildTaskUpdate>>();
    const updated: Task[] = [];
    for (const [index, { taskId, changes }] of items.entries()) {
      try {
        await checkOwnLists(tx, userId, [changes.list_id]);
        updated.push(toTask(await applyChange(tx, userId, taskId, changes, statements)));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const named =
          error.code === "not_found" && error.fieldErrors.length === 0
            ? new AppError(error.code, error.message, [{ field: "task_id", message: error.message }])
            : error;
        throw itemError(index, named);
      }
    }
    return updated;
  });
}
