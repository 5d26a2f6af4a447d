import { EXPORT_CSV_COLUMNS, type ExportFile } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { stringify } from "csv-stringify/sync";
import { exportData } from "./export-data";

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some strip
 * first) as a formula: "=HYPERLINK(…)" in a title would run on the user's machine. Such a cell gets a
 * leading apostrophe, which spreadsheets show as text (OWASP's advice for CSV injection).
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The file's tasks as CSV rows (header first): tags joined with ", ", the list by name (empty: Inbox). */
export function tasksCsv(file: ExportFile): string {
  const listNames = new Map(file.lists.map((list) => [list.id, list.name]));
  const rows = file.tasks.map((task) => ({
    title: task.title,
    description: task.description ?? "",
    priority: task.priority ?? "none",
    tags: (task.tags ?? []).join(", "),
    due: task.due ?? "",
    completed: task.completed ? "true" : "false",
    completed_at: task.completed_at ?? "",
    list: task.list_id ? (listNames.get(task.list_id) ?? "") : "",
    recurrence: task.recurrence ?? "",
    remind_at: task.remind_at ?? "",
    created_at: task.created_at ?? "",
  }));
  return stringify(rows, {
    header: true,
    columns: [...EXPORT_CSV_COLUMNS],
    // A byte-order mark, so spreadsheet programs read the file as UTF-8; CRLF as RFC 4180 says.
    bom: true,
    record_delimiter: "windows",
    cast: { string: guardFormula },
  });
}

/** Every task not in the trash as CSV (GET /api/export?format=csv); `day` names the file. */
export async function exportTasksCsv(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ csv: string; day: string }> {
  const { file, day } = await exportData(db, userId, now);
  return { csv: tasksCsv(file), day };
}
