import type { ImportResult } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { lists, tasks } from "@taskflow/db/schema";
import { and, eq, inArray, sql } from "drizzle-orm";
import { taskInsertParams, taskInsertValues } from "../tasks/create-task";
import { storedDue } from "../tasks/due";
import type { ImportPlan, PlannedTask } from "./plan-import";

const p = sql.placeholder;

/** Rows per insert statement: one round trip per chunk, not per task (16 parameters a row). */
const CHUNK = 250;

/**
 * One task row of a multi-row insert: the create columns plus what only an import sets (completed with
 * its time, how often a repeating task was completed, the original created_at) and, for a reminder
 * already past, the claim and delivery marks, so an import fires no old reminders.
 */
function importRow(row: string) {
  const pastReminder = sql`case when ${storedDue(`${row}remind`)} <= now() then now() end`;
  return {
    ...taskInsertValues(row),
    completed: p(`${row}completed`) as unknown as boolean,
    completedAt:
      sql`case when ${p(`${row}completed`)}::boolean then coalesce(${p(`${row}completedAt`)}::timestamptz, now()) end` as unknown as Date,
    createdAt: sql`coalesce(${p(`${row}createdAt`)}::timestamptz, now())` as unknown as Date,
    completedCount: p(`${row}completedCount`) as unknown as number,
    remindedAt: pastReminder as unknown as Date,
    reminderDeliveredAt: pastReminder as unknown as Date,
  };
}

const rowName = (index: number) => `r${index}_`;

/** An insert of `rows` tasks; its statement is unnamed (chunk sizes vary, and each is run once). */
const buildImportInsert = (db: Db, rows: number) =>
  db
    .insert(tasks)
    .values(Array.from({ length: rows }, (_, index) => importRow(rowName(index))))
    .prepare("");

const importParams = (userId: string, chunk: PlannedTask[], listIds: Map<string, number>) =>
  Object.assign(
    {},
    ...chunk.map((task, index) => {
      const row = rowName(index);
      const listId = task.list === null ? null : (listIds.get(task.list) ?? null);
      return {
        ...taskInsertParams(userId, { ...task.input, list_id: listId }, row),
        [`${row}completed`]: task.completed,
        [`${row}completedAt`]: task.completedAt,
        [`${row}createdAt`]: task.createdAt,
        [`${row}completedCount`]: task.completedCount,
      };
    }),
  ) as Record<string, unknown>;

/**
 * Writes a checked plan (`planImport`) in one transaction: the lists the user does not have yet
 * (matched by name whatever its case, so a list made meanwhile is reused), then every task in file
 * order, owned by the caller. Any failure rolls everything back.
 */
export async function importData(db: Db, userId: string, plan: ImportPlan): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    const names = [...plan.listNames.values()];
    let created = 0;
    const ids = new Map<string, number>();
    if (names.length) {
      const inserted = await tx
        .insert(lists)
        .values(names.map((name) => ({ userId, name })))
        .onConflictDoNothing()
        .returning({ id: lists.id });
      created = inserted.length;
      const rows = await tx
        .select({ id: lists.id, name: lists.name })
        .from(lists)
        .where(and(eq(lists.userId, userId), inArray(sql`lower(${lists.name})`, [...plan.listNames.keys()])));
      for (const row of rows) ids.set(row.name.toLowerCase(), row.id);
    }
    // Building a 250-row statement costs about as much as running it: build each size once.
    const statements = new Map<number, ReturnType<typeof buildImportInsert>>();
    for (let start = 0; start < plan.tasks.length; start += CHUNK) {
      const chunk = plan.tasks.slice(start, start + CHUNK);
      let insert = statements.get(chunk.length);
      if (!insert) {
        insert = buildImportInsert(tx, chunk.length);
        statements.set(chunk.length, insert);
      }
      await insert.execute(importParams(userId, chunk, ids));
    }
    return { imported: { lists: created, tasks: plan.tasks.length } };
  });
}
