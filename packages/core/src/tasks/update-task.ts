import type { Task, UpdateTaskInput } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import type { TaskRow } from "@taskflow/db/schema";
import { tasks } from "@taskflow/db/schema";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { invalid, notFound } from "../errors";
import { checkOwnLists, ownListId } from "../lists/own-lists";
import { dateParams, storedAllDay, storedDue } from "./due";
import { prepared } from "./prepared";
import { completeRecurring, dueFromRule, lockTask, resolveTaskRecurrence, timeBesideDue } from "./repeat";
import { toTask } from "./task-dto";
import { notInTrash } from "./trash";

const FIELDS = [
  "title",
  "description",
  "priority",
  "tags",
  "due_at",
  "recurrence",
  "remind_at",
  "completed",
  "list_id",
] as const;
type Field = (typeof FIELDS)[number];
const ABBREVIATIONS: Record<Field, string> = {
  title: "ti",
  description: "de",
  priority: "pr",
  tags: "ta",
  due_at: "du",
  recurrence: "rr",
  remind_at: "rm",
  completed: "co",
  list_id: "li",
};

/**
 * A short key for one shape of update (two letters a field, then done/open), which with `completed`
 * determines its SQL text; short enough for a statement name within PostgreSQL's 63 characters.
 */
export const updateShape = (present: Field[], completed: boolean | undefined) =>
  `${present.map((field) => ABBREVIATIONS[field]).join("")}_${completed === undefined ? "" : completed ? "done" : "open"}`;

/** One prepared statement per combination of fields changed (at most 2^8 + the completed variants). */
function updateStatement(db: Db, present: Field[], completed: boolean | undefined) {
  const key = `task_update_${present.join("_")}${completed === undefined ? "" : completed ? "_done" : "_open"}`;
  return prepared(db, key, (name) => buildTaskUpdate(db, name, present, completed));
}

/** The fields an update changes, in a fixed order: with `completed`, they determine its SQL text. */
export const changedFields = (input: UpdateTaskInput): Field[] =>
  FIELDS.filter((field) => input[field] !== undefined);

/** The update statement for one shape, prepared as `name` on `db` (a database or a transaction). */
export function buildTaskUpdate(db: Db, name: string, present: Field[], completed: boolean | undefined) {
  const p = sql.placeholder;
  const changes: Record<string, unknown> = { updatedAt: sql`now()` };
  if (present.includes("title")) changes.title = p("title");
  if (present.includes("description")) changes.description = p("description");
  if (present.includes("priority")) changes.priority = p("priority");
  if (present.includes("tags")) changes.tags = p("tags");
  // All three due placeholders null clears the due date (and all_day).
  if (present.includes("due_at")) {
    changes.dueAt = storedDue("due");
    changes.allDay = storedAllDay("due");
  }
  if (present.includes("recurrence")) changes.recurrence = p("recurrence");
  if (present.includes("remind_at")) changes.remindAt = storedDue("remind");
  if (present.includes("list_id")) changes.listId = ownListId(sql`${p("listId")}::int`, sql`${p("userId")}`);
  if (completed !== undefined) {
    changes.completed = completed;
    // Keep the original completion time when a done task is marked done again.
    changes.completedAt = (completed ? sql`coalesce(${tasks.completedAt}, now())` : null) as SQL | null;
  }
  return db
    .update(tasks)
    .set(changes as Partial<typeof tasks.$inferInsert>)
    .where(
      and(
        eq(tasks.id, p("id")),
        eq(tasks.userId, p("userId")),
        notInTrash,
        ...recurrenceGuards(present, completed),
      ),
    )
    .returning()
    .prepare(name);
}

/**
 * What keeps the one-statement update off a repeating task where the change needs its rule: completing it
 * (the due moves on instead) and clearing its due. Such an update matches no row and goes the locked way
 * (`updateLocked`); a change that sets `recurrence` itself never takes the one-statement way.
 */
function recurrenceGuards(present: Field[], completed: boolean | undefined): SQL[] {
  if (present.includes("recurrence")) return [];
  const guards: SQL[] = [];
  if (completed === true) guards.push(sql`(${tasks.recurrence} is null or ${tasks.completed})`);
  if (present.includes("due_at"))
    guards.push(sql`(${tasks.recurrence} is null or ${storedDue("due")} is not null)`);
  return guards;
}

export const taskUpdateParams = (userId: string, taskId: number, input: UpdateTaskInput) => ({
  id: taskId,
  userId,
  title: input.title,
  description: input.description,
  priority: input.priority,
  tags: input.tags,
  ...dateParams("due", input.due_at),
  recurrence: input.recurrence,
  ...dateParams("remind", input.remind_at),
  listId: input.list_id,
});

/**
 * An update of a task whose row the caller has locked (`lockTask`), for the changes that need its rule:
 * `recurrence` set (resolved; without a due, the rule gives one), the due of a repeating task cleared
 * (refused), or a repeating task completed (it moves to its next occurrence: `completeRecurring`).
 */
export async function updateLocked(
  db: Db,
  row: TaskRow,
  timeZone: string,
  input: UpdateTaskInput,
  statementName: (shape: string) => string,
): Promise<TaskRow> {
  const { completed, ...changes } = input;
  let rule = row.recurrence;
  if (typeof input.recurrence === "string") {
    const recurrence = resolveTaskRecurrence(input.recurrence);
    rule = recurrence.rule;
    changes.recurrence = recurrence.rule;
    if (input.due_at) {
      if (recurrence.time) throw timeBesideDue(input.recurrence, recurrence);
    } else if (input.due_at === null || recurrence.time || !row.dueAt) {
      changes.due_at = dueFromRule(recurrence, timeZone, new Date());
    }
  } else if (input.recurrence === null) {
    rule = null;
  } else if (rule && input.due_at === null) {
    throw invalid(
      "due_at",
      "cannot be cleared on a repeating task: stop the repeat too (recurrence: null), or give a new due date",
    );
  }
  const advance = completed === true && rule !== null;
  const present = changedFields(changes);
  const inStatement = advance ? undefined : completed;
  const statement = buildTaskUpdate(
    db,
    statementName(updateShape(present, inStatement)),
    present,
    inStatement,
  );
  const [updated] = await statement.execute(taskUpdateParams(row.userId, row.id, changes));
  if (!updated) throw notFound(`Task ${row.id}`);
  return advance && !updated.completed ? completeRecurring(db, updated, timeZone) : updated;
}

/** Changes only the fields given; `due_at: null` clears the due date. */
export async function updateTask(
  db: Db,
  userId: string,
  taskId: number,
  input: UpdateTaskInput,
): Promise<Task> {
  await checkOwnLists(db, userId, [input.list_id]);
  if (typeof input.recurrence !== "string") {
    const [row] = await updateStatement(db, changedFields(input), input.completed).execute(
      taskUpdateParams(userId, taskId, input),
    );
    if (row) return toTask(row);
  }
  // Missing, or a change that needs the task's rule (see recurrenceGuards): again, with the row locked.
  return db.transaction(async (tx) => {
    const { row, timeZone } = await lockTask(tx, userId, taskId);
    return toTask(await updateLocked(tx, row, timeZone, input, lockedStatementName));
  });
}

/** Statements of the locked way are prepared under a fixed name per shape (a transaction is a new handle). */
export const lockedStatementName = (shape: string) => `tfx_task_update_${shape}`;
