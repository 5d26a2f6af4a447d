import type { CreateTaskInput, Task } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { sql } from "drizzle-orm";
import { checkOwnLists, ownListId } from "../lists/own-lists";
import { dateParams, storedAllDay, storedDue } from "./due";
import { prepared } from "./prepared";
import { withRecurrence } from "./repeat";
import { WIRE_COLUMNS, wireToTask } from "./task-dto";

/**
 * The columns of a new task, as placeholders that `taskInsertParams` fills. `row` prefixes every
 * placeholder but `userId`, so a multi-row insert (the import) names each row's own (`r3_title`).
 */
export const taskInsertValues = (row = "") => ({
  userId: sql.placeholder("userId"),
  title: sql.placeholder(`${row}title`),
  description: sql.placeholder(`${row}description`),
  priority: sql.placeholder(`${row}priority`),
  tags: sql.placeholder(`${row}tags`),
  dueAt: storedDue(`${row}due`) as unknown as Date,
  allDay: storedAllDay(`${row}due`) as unknown as boolean,
  recurrence: sql.placeholder(`${row}recurrence`),
  remindAt: storedDue(`${row}remind`) as unknown as Date,
  listId: ownListId(
    sql`${sql.placeholder(`${row}listId`)}::int`,
    sql`${sql.placeholder("userId")}`,
  ) as unknown as number,
});

/**
 * The insert statement, prepared as `name` on `db` (a database or a transaction: see create-tasks.ts);
 * it returns the wire columns (`wireToTask`), as every statement whose row only becomes a Task does.
 */
export const buildTaskInsert = (db: Db, name: string) =>
  db.insert(tasks).values(taskInsertValues()).returning(WIRE_COLUMNS).prepare(name);

/** The insert's parameters (for `row`, see `taskInsertValues`); `input.recurrence` must already be resolved (`withRecurrence`). */
export const taskInsertParams = (userId: string, input: CreateTaskInput, row = "") => ({
  userId,
  [`${row}title`]: input.title,
  [`${row}description`]: input.description ?? "",
  [`${row}priority`]: input.priority ?? "none",
  [`${row}tags`]: input.tags ?? [],
  ...dateParams(`${row}due`, input.due_at),
  [`${row}recurrence`]: input.recurrence ?? null,
  ...dateParams(`${row}remind`, input.remind_at),
  [`${row}listId`]: input.list_id ?? null,
});

const insertTask = (db: Db) => prepared(db, "task_insert", (name) => buildTaskInsert(db, name));

export async function createTask(db: Db, userId: string, input: CreateTaskInput): Promise<Task> {
  await checkOwnLists(db, userId, [input.list_id]);
  const [row] = await insertTask(db).execute(
    taskInsertParams(userId, await withRecurrence(db, userId, input)),
  );
  if (!row) throw new Error("insert returned no row");
  return wireToTask(row);
}
