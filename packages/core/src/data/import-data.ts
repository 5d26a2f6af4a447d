import type { ImportResult } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { lists, tasks } from "@taskflow/db/schema";
import { and, eq, inArray, sql } from "drizzle-orm";
import { batchStatementName } from "../tasks/bulk";
import { taskInsertParams, taskInsertValues } from "../tasks/create-task";
import { storedDue } from "../tasks/due";
import type { ImportPlan } from "./plan-import";

const p = sql.placeholder;
/** A reminder already past when imported is kept but counts as shown, so an import fires no old reminders. */
const pastReminder = sql`case when ${storedDue("remind")} <= now() then now() end`;

/**
 * A task insert with what only an import sets: completed (with its time), the original created_at, and
 * the claim of a reminder already past.
 */
const buildImportInsert = (db: Db, name: string) =>
  db
    .insert(tasks)
    .values({
      ...taskInsertValues(),
      completed: p("completed") as unknown as boolean,
      completedAt:
        sql`case when ${p("completed")}::boolean then coalesce(${p("completedAt")}::timestamptz, now()) end` as unknown as Date,
      createdAt: sql`coalesce(${p("createdAt")}::timestamptz, now())` as unknown as Date,
      remindedAt: pastReminder as unknown as Date,
      reminderDeliveredAt: pastReminder as unknown as Date,
    })
    .returning({ id: tasks.id })
    .prepare(name);

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
    const insert = buildImportInsert(tx, batchStatementName("task_import"));
    for (const task of plan.tasks) {
      const listId = task.list === null ? null : (ids.get(task.list) ?? null);
      await insert.execute({
        ...taskInsertParams(userId, { ...task.input, list_id: listId }),
        completed: task.completed,
        completedAt: task.completedAt,
        createdAt: task.createdAt,
      });
    }
    return { imported: { lists: created, tasks: plan.tasks.length } };
  });
}
