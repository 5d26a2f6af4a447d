import type { ExportFile, ExportTask, Task } from "@taskflow/contracts";
import { EXPORT_VERSION } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { listLists } from "../lists/list-lists";
import { dayInZone } from "../recurrence";
import { userTimeZone } from "../tasks/repeat";
import { toTask } from "../tasks/task-dto";
import { notInTrash } from "../tasks/trash";

/** A task (the wire DTO) as the export file carries it: its fields, its list as the file's list id. */
export function exportTask(task: Task): ExportTask {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    due: task.due_at,
    completed: task.completed,
    completed_at: task.completed_at,
    completed_count: task.completed_count,
    created_at: task.created_at,
    recurrence: task.recurrence,
    remind_at: task.remind_at,
    list_id: task.list_id,
  };
}

/**
 * Everything of the user's, as the export file: every list, and every task not in the trash (open and
 * completed) in the order they were made. List ids in the file are the lists' own; an import reads them
 * only as references inside the file. `day` is today in the user's zone (the file's name).
 */
export async function exportData(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ file: ExportFile; day: string }> {
  const timeZone = await userTimeZone(db, userId);
  const ownLists = await listLists(db, userId);
  const rows = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.userId, userId), notInTrash))
    .orderBy(asc(tasks.id));
  return {
    day: dayInZone(now, timeZone),
    file: {
      version: EXPORT_VERSION,
      exported_at: now.toISOString(),
      time_zone: timeZone,
      lists: ownLists.map((list) => ({ id: list.id, name: list.name })),
      tasks: rows.map((row) => exportTask(toTask(row))),
    },
  };
}
