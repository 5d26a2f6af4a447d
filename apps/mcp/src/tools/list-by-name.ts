// The list a list tool acts on, named as the user sees it. The Inbox is where tasks in no list are, not a
// list: it cannot be renamed or deleted.

import { invalid } from "@taskflow/core/errors";
import { findListByName } from "@taskflow/core/lists";
import type { ToolContext } from "./tool-context";

/** The id of the user's list called `name`; an unknown name is an error naming the lists there are. */
export async function existingListId(context: ToolContext, name: string, action: string): Promise<number> {
  const id = await findListByName(context.db, context.userId, name);
  if (id === null) throw invalid("list", `the Inbox holds the tasks in no list; it cannot be ${action}`);
  return id;
}
