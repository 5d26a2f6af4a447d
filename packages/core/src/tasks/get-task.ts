import type { Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, sql } from "drizzle-orm";
import { notFound } from "../errors";
import { prepared } from "./prepared";
import { WIRE_COLUMNS, wireToTask } from "./task-dto";
import { notInTrash } from "./trash";

const selectOwned = (db: Db) =>
  prepared(db, "task_get", (name) =>
    db
      .select(WIRE_COLUMNS)
      .from(tasks)
      .where(
        and(eq(tasks.id, sql.placeholder("id")), eq(tasks.userId, sql.placeholder("userId")), notInTrash),
      )
      .limit(1)
      .prepare(name),
  );

/** Another user's task, and one in the trash, are reported exactly like a missing one. */
export async function getTask(db: Db, userId: string, taskId: number): Promise<Task> {
  const [row] = await selectOwned(db).execute({ id: taskId, userId });
  if (!row) throw notFound(`Task ${taskId}`);
  return wireToTask(row);
}
