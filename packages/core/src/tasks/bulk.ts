// What the bulk use cases (create-tasks, complete-tasks, update-tasks) share: the batch bound, errors
// that name the item, and changes applied in one transaction.
import type { Task, UpdateTaskInput } from "@taskflow/contracts";
import { MAX_BULK_ITEMS } from "@taskflow/contracts/mcp-tools";
import type { Db } from "@taskflow/db/client";
import { AppError, invalid, notFound } from "../errors";
import { toTask } from "./task-dto";
import { buildTaskUpdate, changedFields, taskUpdateParams } from "./update-task";

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
 * Applies every change or none, in one transaction: a task that is missing, another user's or in the
 * trash rolls the whole batch back with an error naming its item.
 */
export async function applyChanges(db: Db, userId: string, items: TaskChange[]): Promise<Task[]> {
  return db.transaction(async (tx) => {
    const statements = new Map<string, ReturnType<typeof buildTaskUpdate>>();
    const updated: Task[] = [];
    for (const [index, { taskId, changes }] of items.entries()) {
      const present = changedFields(changes);
      // Two letters a field (ti, de, pr, ta, du, co) keep the name within PostgreSQL's 63 characters.
      const completion = changes.completed === undefined ? "" : changes.completed ? "done" : "open";
      const shape = `${present.map((field) => field.slice(0, 2)).join("")}_${completion}`;
      let statement = statements.get(shape);
      if (!statement) {
        const name = batchStatementName(`task_update_${shape}`);
        statement = buildTaskUpdate(tx, name, present, changes.completed);
        statements.set(shape, statement);
      }
      const [row] = await statement.execute(taskUpdateParams(userId, taskId, changes));
      if (!row) {
        const missing = notFound(`Task ${taskId}`);
        throw itemError(
          index,
          new AppError(missing.code, missing.message, [{ field: "task_id", message: missing.message }]),
        );
      }
      updated.push(toTask(row));
    }
    return updated;
  });
}
