import { type CreateTaskInput, createTaskBody, type ExportTask } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { AppError, type FieldError } from "../errors";
import { listLists } from "../lists/list-lists";
import { userTimeZone, withRecurrence } from "../tasks/repeat";
import { jsonPlace, placeErrors, readImportFile } from "./read-import-file";

/** What POST /api/import reads: a Taskflow export (parsed JSON) or a Todoist CSV export (text). */
export type ImportSource =
  | { format: "json"; body: unknown }
  | { format: "todoist"; body: unknown; list?: string | undefined };

/** A task of the file, checked and resolved: what the import inserts. */
export interface PlannedTask {
  input: CreateTaskInput;
  /** The list it goes into, by name in lower case (a key of `ImportPlan.listNames`); null: the Inbox. */
  list: string | null;
  completed: boolean;
  completedAt: string | null;
  /** How many times a repeating task was completed (0 when the file does not say). */
  completedCount: number;
  createdAt: string | null;
}

export interface ImportPlan {
  lists: { create: string[]; existing: string[] };
  /** Every list the file names, lower-case name → name as the file spells it. */
  listNames: Map<string, string>;
  tasks: PlannedTask[];
  warnings: string[];
}

/**
 * Reads and checks an import without writing anything: the file as a whole, then every task as a create
 * body would be checked (a repeat resolved, its due derived when it has none), and the lists matched by
 * name, whatever their case, with the user's own. Any bad item is one 400 naming it; file ids are only
 * references inside the file.
 */
export async function planImport(
  db: Db,
  userId: string,
  source: ImportSource,
  now = new Date(),
): Promise<ImportPlan> {
  const timeZone = await userTimeZone(db, userId);
  // The Todoist reader brings chrono-node and its locales (several MB of heap): loaded on the first
  // Todoist import, not at every api start.
  const read =
    source.format === "todoist"
      ? (await import("./todoist-csv")).readTodoistCsv(source.body, { list: source.list, timeZone, now })
      : { file: source.body, place: jsonPlace, warnings: [] };
  const { place } = read;
  const file = readImportFile(read.file, place);

  const listNames = new Map<string, string>();
  const byFileId = new Map<number, string>();
  const errors: FieldError[] = [];
  for (const [index, list] of file.lists.entries()) {
    if (byFileId.has(list.id)) {
      errors.push({
        field: place(["lists", index, "id"]),
        message: "is the id of another list of the file too",
      });
    }
    const key = list.name.toLowerCase();
    byFileId.set(list.id, key);
    if (!listNames.has(key)) listNames.set(key, list.name);
  }

  const tasks: PlannedTask[] = [];
  for (const [index, task] of file.tasks.entries()) {
    try {
      tasks.push(await planTask(db, userId, task, byFileId));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const fieldError of error.fieldErrors) {
        errors.push({ ...fieldError, field: place(["tasks", index, fieldError.field]) });
      }
      // An error that names no field still names its task: no bad item is ever left out silently.
      if (error.fieldErrors.length === 0)
        errors.push({ field: place(["tasks", index]), message: error.message });
    }
  }
  if (errors.length) throw placeErrors(errors);

  const mine = new Map((await listLists(db, userId)).map((list) => [list.name.toLowerCase(), list.name]));
  const create: string[] = [];
  const existing: string[] = [];
  for (const [key, name] of listNames) {
    const own = mine.get(key);
    if (own === undefined) create.push(name);
    else existing.push(own);
  }
  return {
    lists: { create, existing },
    listNames,
    tasks,
    warnings: [...read.warnings, ...pastReminders(tasks, now)],
  };
}

/** One task of the file as a create body, its list looked up among the file's. Errors name its fields. */
async function planTask(
  db: Db,
  userId: string,
  task: ExportTask,
  byFileId: Map<number, string>,
): Promise<PlannedTask> {
  const body = createTaskBody.safeParse({
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    due_at: task.due ?? null,
    remind_at: task.remind_at ?? null,
  });
  if (!body.success) {
    const errors = body.error.issues.map((issue) => {
      const [first, ...rest] = issue.path;
      // The file's field is `due`, the create body's `due_at`.
      const field = jsonPlace([first === "due_at" ? "due" : (first ?? "task"), ...rest]);
      return { field, message: issue.message };
    });
    throw new AppError("validation", "invalid task", errors);
  }
  let list: string | null = null;
  if (task.list_id !== undefined && task.list_id !== null) {
    const key = byFileId.get(task.list_id);
    if (key === undefined) {
      throw new AppError("validation", "invalid task", [
        { field: "list_id", message: `names no list of the file (no lists[].id is ${task.list_id})` },
      ]);
    }
    list = key;
  }
  // The repeat resolved as a new task's would be (a phrase read, the due derived from the rule).
  const input = await withRecurrence(db, userId, { ...body.data, recurrence: task.recurrence ?? null });
  const completed = task.completed ?? false;
  return {
    input,
    list,
    completed,
    completedAt: completed ? (task.completed_at ?? null) : null,
    completedCount: task.completed_count ?? 0,
    createdAt: task.created_at ?? null,
  };
}

/** Open tasks whose reminder time has passed: kept, but they do not fire on import. */
function pastReminders(tasks: PlannedTask[], now: Date): string[] {
  const past = tasks.filter((task) => {
    const remind = task.input.remind_at;
    return !task.completed && remind?.kind === "instant" && Date.parse(remind.value) <= now.getTime();
  }).length;
  if (past === 0) return [];
  return [
    `${past} reminder${past === 1 ? " is" : "s are"} already past: kept on the task${past === 1 ? "" : "s"}, but not shown again.`,
  ];
}
