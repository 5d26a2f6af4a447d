import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { conflict, notFound } from "../errors";
import { prepared } from "./prepared";
import { WIRE_COLUMNS, wireToTask } from "./task-dto";
import { inTrash, notInTrash } from "./trash";

const restoreOwned = (db: Db) =>
  prepared(db, "task_restore", (name) =>
    db
      .update(tasks)
      .set({ deletedAt: null, updatedAt: sql`now()` as unknown as Date })
      .where(and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId")), inTrash))
      .returning(WIRE_COLUMNS)
      .prepare(name),
  );

const liveOwned = (db: Db) =>
  prepared(db, "task_live", (name) =>
    db
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId")), notInTrash),
      )
      .limit(1)
      .prepare(name),
  );

/** Takes a task out of the trash. A task that is not in the trash is a conflict; a missing one, 404. */
export async function restoreTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await restoreOwned(db).execute({ id: taskId, userId });
  if (row) return wireToTask(row);
  const [live] = await liveOwned(db).execute({ id: taskId, userId });
  if (live) throw conflict(`Task ${taskId} is not in the trash`);
  throw notFound(`Task ${taskId}`);
}
