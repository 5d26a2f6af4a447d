import type { List, RenameListInput } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { lists } from "@taskflow/db/schema";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";
import { openTaskCount } from "./list-lists";
import { withUniqueName } from "./unique-name";

/** Renames one of the user's lists (another user's is not found); a name already taken is a conflict. */
export async function renameList(
  db: Db,
  userId: string,
  listId: number,
  input: RenameListInput,
): Promise<List> {
  const [row] = await withUniqueName(input.name, () =>
    db
      .update(lists)
      .set({ name: input.name })
      .where(and(eq(lists.id, listId), eq(lists.userId, userId)))
      .returning({ id: lists.id }),
  );
  if (!row) throw notFound(`List ${listId}`);
  const [list] = await db
    .select({ id: lists.id, name: lists.name, task_count: openTaskCount })
    .from(lists)
    .where(eq(lists.id, row.id));
  if (!list) throw notFound(`List ${listId}`);
  return list;
}
