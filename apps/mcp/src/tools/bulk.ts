// What the bulk tools share: every item checked before anything is written, and errors that say
// nothing was written, so the model fixes and resends the whole batch instead of only the rest.

import type { Task } from "@taskflow/contracts";
import { AppError, type FieldError } from "@taskflow/core/errors";
import type { z } from "zod";
import { actionResult } from "./action-result";
import { parseArgs } from "./tool-context";

/**
 * Each item through its core schema. Every bad item is reported at once, by its position from 1 and
 * its index in the argument ("item 3 (tasks[2]): title must not be empty").
 */
export function parseItems<T, S extends z.ZodType>(
  items: readonly T[],
  argument: string,
  schema: S,
  toInput: (item: T, index: number) => unknown,
): z.output<S>[] {
  const parsed: z.output<S>[] = [];
  const messages: string[] = [];
  const fields: FieldError[] = [];
  for (const [index, item] of items.entries()) {
    try {
      parsed.push(parseArgs(schema, toInput(item, index), `item ${index + 1} (${argument}[${index}])`));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      messages.push(error.message);
      fields.push(...error.fieldErrors.map((f) => ({ ...f, field: `${argument}.${index}.${f.field}` })));
    }
  }
  if (messages.length > 0) throw new AppError("validation", messages.join("; "), fields);
  return parsed;
}

/** Runs a batch; its error (bad item, missing task) is prefixed with the fact that nothing was written. */
export async function allOrNothing<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(error.code, `Nothing was changed: ${error.message}`, error.fieldErrors);
    throw error;
  }
}

export const bulkResultOf = (tasks: readonly Task[], status: "created" | "completed" | "updated") => ({
  count: tasks.length,
  results: tasks.map((task) => actionResult(task, status)),
});
