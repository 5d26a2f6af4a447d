import type { CreateTaskInput, Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { sql } from "drizzle-orm";
import { checkOwnLists, ownListId } from "../lists/own-lists";
import { dateParams, storedAllDay, storedDue } from "./due";
import { prepared } from "./prepared";
import { withRecurrence } from "./repeat";
import { toTask } from "./task-dto";

/** The columns of a new task, as placeholders that `taskInsertParams` fills (the import adds its own). */
export const taskInsertValues = () => ({
  userId: sql.placeholder("userId"),
  title: sql.placeholder("title"),
  description: sql.placeholder("description"),
  priority: sql.placeholder("priority"),
  tags: sql.placeholder("tags"),
  dueAt: storedDue("due") as unknown as Date,
  allDay: storedAllDay("due") as unknown as boolean,
  recurrence: sql.placeholder("recurrence"),
  remindAt: storedDue("remind") as unknown as Date,
  listId: ownListId(
    sql`${sql.placeholder("listId")}::int`,
    sql`${sql.placeholder("userId")}`,
  ) as unknown as number,
});

/** The insert statement, prepared as `name` on `db` (a database or a transaction: see create-tasks.ts). */
export const buildTaskInsert = (db: Db, name: string) =>
  db.insert(tasks).values(taskInsertValues()).returning().prepare(name);

/** The insert's parameters; `input.recurrence` must already be resolved (`withRecurrence`). */
export const taskInsertParams = (userId: string, input: CreateTaskInput) => ({
  userId,
  title: input.title,
  description: input.description ?? "",
  priority: input.priority ?? "none",
  tags: input.tags ?? [],
  ...dateParams("due", input.due_at),
  recurrence: input.recurrence ?? null,
  ...dateParams("remind", input.remind_at),
  listId: input.list_id ?? null,
});

const insertTask = (db: Db) => prepared(db, "task_insert", (name) => buildTaskInsert(db, name));

export async function createTask(db: Db, userId: string, input: CreateTaskInput): Promise<Task> {
  await checkOwnLists(db, userId, [input.list_id]);
  const [row] = await insertTask(db).execute(
    taskInsertParams(userId, await withRecurrence(db, userId, input)),
  );
  if (!row) throw new Error("insert returned no row");
  return toTask(row);
}
