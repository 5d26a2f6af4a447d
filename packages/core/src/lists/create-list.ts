import type { CreateListInput, List } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { lists } from "@taskflow/db/schema";
import { withUniqueName } from "./unique-name";

/** A new, empty list; a name the user already has (whatever its case) is a conflict. */
export async function createList(db: Db, userId: string, input: CreateListInput): Promise<List> {
  const [row] = await withUniqueName(input.name, () =>
    db.insert(lists).values({ userId, name: input.name }).returning({ id: lists.id, name: lists.name }),
  );
  if (!row) throw new Error("insert returned no row");
  return { ...row, task_count: 0 };
}
