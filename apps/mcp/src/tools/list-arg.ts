// The `list` argument of the task tools: a list by name (case-insensitive), "inbox" for none. Names are
// looked up before the core schemas see the call, which take the list's id (`list_id`).
import { AppError } from "@taskflow/core/errors";
import { findListByName } from "@taskflow/core/lists";
import type { ToolContext } from "./tool-context";

/** The list id a `list` argument names (null: the Inbox), or undefined when the argument is absent. */
export async function listIdOf(
  context: ToolContext,
  name: string | undefined,
): Promise<number | null | undefined> {
  if (name === undefined) return undefined;
  return findListByName(context.db, context.userId, name);
}

/** The list ids of a batch's items, in order; an unknown name is an error naming its item. */
export async function listIdsOf(
  context: ToolContext,
  items: readonly { list?: string | undefined }[],
  argument: string,
): Promise<(number | null | undefined)[]> {
  const ids: (number | null | undefined)[] = [];
  for (const [index, item] of items.entries()) {
    try {
      ids.push(await listIdOf(context, item.list));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(
        error.code,
        `item ${index + 1} (${argument}[${index}]): ${error.message}`,
        error.fieldErrors.map((f) => ({ ...f, field: `${argument}.${index}.${f.field}` })),
      );
    }
  }
  return ids;
}
