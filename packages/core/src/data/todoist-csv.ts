// A Todoist CSV export (a project's "Export as a template" file) read into the Taskflow export file, so
// one path checks and writes both. The columns are Todoist's documented ones ("Format a CSV file to
// import into Todoist"): TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR, RESPONSIBLE, DATE,
// DATE_LANG, TIMEZONE, and in newer files DURATION, DURATION_UNIT, DEADLINE, DEADLINE_LANG; any other
// column is ignored. The choices (docs/export-import.md):
// - PRIORITY is Todoist's p-number: 1 (p1, highest) → high, 2 → medium, 3 → low, 4 (p4) → none. An
//   empty cell, which Todoist itself reads as p1, is none here: a hand-made sheet's blank is no urgency.
// - `@label` words of CONTENT become tags; a `section` row's name becomes a tag of the tasks under it
//   (Taskflow has no sections; a tag keeps them findable and filterable); a `note` row is added to the
//   previous task's description (Taskflow has no comments).
// - DATE: an ISO date or date-time as it is; a repeat ("every monday") through the recurrence grammar
//   when it reads it, else kept in the description with a warning; anything else read by chrono-node in
//   the user's zone (TIMEZONE is not read: Taskflow reads every date in the user's zone).
// - INDENT (sub-tasks), RESPONSIBLE, DURATION have no Taskflow field: the tasks come in flat, with a warning.
import {
  DESCRIPTION_MAX_LENGTH,
  EXPORT_VERSION,
  type ExportFile,
  type ExportTask,
  IMPORT_MAX_TASKS,
  parseDateInput,
  TAG_PATTERN,
  type TaskPriority,
} from "@taskflow/contracts";
import { dayAndTimeInZone } from "@taskflow/contracts/zoned-time";
import * as chrono from "chrono-node";
import { parse } from "csv-parse/sync";
import { AppError } from "../errors";
import { dueFromRule, resolveTaskRecurrence } from "../tasks/repeat";
import { badFile, jsonPlace, type PlaceNamer } from "./read-import-file";

export interface TodoistOptions {
  /** The list (Todoist project) the tasks go into; absent: the Inbox. */
  list?: string | undefined;
  timeZone: string;
  now: Date;
}

export interface TodoistRead {
  file: ExportFile;
  /** Names a place of the file by the CSV's row and column (`row 7, PRIORITY`). */
  place: PlaceNamer;
  warnings: string[];
}

/** Todoist's PRIORITY, p1 (highest) to p4 (lowest, Todoist's default). */
const PRIORITIES: Record<string, TaskPriority> = {
  "1": "high",
  "2": "medium",
  "3": "low",
  "4": "none",
  "": "none",
};

/** The CSV column a task field came from, for errors. */
const COLUMN_OF: Record<string, string> = {
  title: "CONTENT",
  tags: "CONTENT",
  description: "DESCRIPTION",
  priority: "PRIORITY",
  due: "DATE",
  recurrence: "DATE",
};

const DATE_MAX_LENGTH = 100;
const REPEAT = /^(?:every!?|each|daily|weekly|monthly|yearly|annually|fortnightly|quarterly)\b/i;
const LABEL = /(^|\s)@(\S+)/gu;

/** chrono's parsers for the DATE_LANG codes it knows (English otherwise). */
const LOCALES: Record<string, Pick<typeof chrono.en, "parse">> = {
  de: chrono.de,
  es: chrono.es,
  fr: chrono.fr,
  it: chrono.it,
  ja: chrono.ja,
  nl: chrono.nl,
  pt: chrono.pt,
  ru: chrono.ru,
  sv: chrono.sv,
};

const rowError = (row: number, column: string, message: string) => {
  const field = `row ${row}, ${column}`;
  return new AppError("validation", `${field} ${message}. Nothing was imported.`, [{ field, message }]);
};

/** A label or section name as a tag (`Home Office` → `home-office`), or null when it cannot be one. */
export function tagOf(name: string): string | null {
  const tag = name
    .trim()
    .toLowerCase()
    .replace(/[.,;:!?]+$/u, "")
    .replace(/\s+/gu, "-");
  return TAG_PATTERN.test(tag) ? tag : null;
}

interface ReadDate {
  due?: string;
  recurrence?: string;
  /** Text to keep in the description, when the date could not be read into a field. */
  kept?: string;
  warning?: string;
}

/**
 * chrono reads against the user's wall clock written as if it were UTC, and its answer is read back as
 * wall-clock fields (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`), which the api reads in the user's zone.
 */
function readNaturalDate(text: string, lang: string, options: TodoistOptions): string | undefined {
  const { day, time } = dayAndTimeInZone(options.now, options.timeZone);
  const reference = { instant: new Date(`${day}T${time}:00Z`), timezone: 0 };
  const parser = LOCALES[lang.toLowerCase().slice(0, 2)] ?? chrono.en;
  const [found] = parser.parse(text, reference, { forwardDate: true });
  // Only a date that is the whole cell (give or take a word): "call mum" holds none.
  if (!found || found.text.length < text.trim().length * 0.6) return undefined;
  const pad = (value: number | null) => String(value ?? 0).padStart(2, "0");
  const start = found.start;
  const date = `${start.get("year")}-${pad(start.get("month"))}-${pad(start.get("day"))}`;
  return start.isCertain("hour") ? `${date}T${pad(start.get("hour"))}:${pad(start.get("minute"))}` : date;
}

/** A Todoist DATE (or DEADLINE) cell as a due, a repeat, or text kept in the description. */
export function readTodoistDate(text: string, lang: string, options: TodoistOptions, row: number): ReadDate {
  const value = text.trim();
  if (!value) return {};
  if (parseDateInput(value)) return { due: value };
  // A date is a few words; a longer cell is not parsed (nor handed to chrono whole).
  if (value.length > DATE_MAX_LENGTH) {
    return {
      kept: `Due (Todoist): ${value}`,
      warning: `row ${row}: the date cell is ${value.length} characters long, too long to be a date; it is kept in the description.`,
    };
  }
  if (REPEAT.test(value)) {
    // "every!" repeats from the completion date in Todoist; Taskflow repeats from the due.
    const phrase = value.replace(/^every!/i, "every");
    const fromDue =
      phrase !== value
        ? { warning: `row ${row}: “${value}” repeats from its due date here, not from when it is completed.` }
        : {};
    try {
      const recurrence = resolveTaskRecurrence(phrase);
      try {
        dueFromRule(recurrence, options.timeZone, options.now);
        return { recurrence: phrase, ...fromDue };
      } catch {
        // "every 2 weeks" says how often but not on which day: Todoist counts it from today, and so does
        // the import (a Taskflow task with such a rule needs its first due given).
        const { day } = dayAndTimeInZone(options.now, options.timeZone);
        return {
          recurrence: recurrence.rule,
          due: recurrence.time ? `${day}T${recurrence.time}` : day,
          warning: `row ${row}: “${value}” does not say on which day it falls, so it starts today (${day}).`,
        };
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return {
        kept: `Repeats (Todoist): ${value}`,
        warning: `row ${row}: the repeat “${value}” is not one Taskflow can read; it is kept in the description and the task does not repeat.`,
      };
    }
  }
  const due = readNaturalDate(value, lang, options);
  if (due) return { due };
  return {
    kept: `Due (Todoist): ${value}`,
    warning: `row ${row}: the date “${value}” could not be read; it is kept in the description and the task has no due date.`,
  };
}

/** The CSV's rows: the header (column names trimmed, in capitals) and each row by column name. */
function parseCsv(text: string): { columns: string[]; records: Record<string, string>[] } {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw badFile(`The file is not a CSV file that can be read: ${why}.`);
  }
  const columns = (rows[0] ?? []).map((column) => column.trim().toUpperCase());
  const records = rows
    .slice(1)
    .map((cells) => Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? ""])));
  return { columns, records };
}

/** Reads a Todoist CSV export into the export file (every task in `options.list`, or the Inbox). */
export function readTodoistCsv(body: unknown, options: TodoistOptions): TodoistRead {
  if (typeof body !== "string") {
    throw badFile("A Todoist import is the CSV file itself, sent as text/csv.");
  }
  const { columns, records } = parseCsv(body);
  if (!columns.includes("TYPE") || !columns.includes("CONTENT")) {
    const first =
      body
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/, 1)[0]
        ?.slice(0, 80) ?? "";
    throw badFile(
      `The file is not a Todoist CSV export: its first row must name the columns TYPE and CONTENT (it starts “${first}”).`,
    );
  }
  // Counted before any date is read, so an oversized file is refused at once.
  const taskRows = records.filter((record) => record.TYPE?.trim().toLowerCase() === "task").length;
  if (taskRows > IMPORT_MAX_TASKS) {
    const number = (count: number) => count.toLocaleString("en-US");
    throw badFile(
      `The file has ${number(taskRows)} tasks; one import takes at most ${number(IMPORT_MAX_TASKS)}. Split it into several files.`,
    );
  }

  const tasks: ExportTask[] = [];
  const rows: number[] = [];
  const warnings: string[] = [];
  const counts = { subtasks: 0, assigned: 0, durations: 0, deadlines: 0 };
  let section: string | null = null;

  for (const [index, record] of records.entries()) {
    // The header is row 1, as a spreadsheet numbers them.
    const row = index + 2;
    const cell = (column: string) => (record[column] ?? "").trim();
    if (Object.values(record).every((value) => !value.trim())) continue;
    const type = cell("TYPE").toLowerCase();
    const content = cell("CONTENT");

    if (type === "section") {
      section = tagOf(content);
      if (content && section === null) {
        warnings.push(
          `row ${row}: the section “${content}” cannot be a tag, so its tasks carry none for it.`,
        );
      }
      continue;
    }
    if (type === "note") {
      const task = tasks.at(-1);
      if (!task) {
        warnings.push(`row ${row}: a note before any task (a project comment) was not imported.`);
        continue;
      }
      const description = task.description ? `${task.description}\n\n${content}` : content;
      if (description.length > DESCRIPTION_MAX_LENGTH) {
        throw rowError(
          row,
          "CONTENT",
          `(a note) would make the description of the task in row ${rows.at(-1)} ${description.length} characters long; at most ${DESCRIPTION_MAX_LENGTH}`,
        );
      }
      task.description = description;
      continue;
    }
    if (type !== "task") {
      throw rowError(row, "TYPE", `is “${cell("TYPE")}”: it must be task, section or note`);
    }

    const priority = PRIORITIES[cell("PRIORITY")];
    if (priority === undefined) {
      throw rowError(
        row,
        "PRIORITY",
        `is “${cell("PRIORITY")}”: it must be 1 (p1, highest), 2, 3 or 4 (p4, lowest)`,
      );
    }
    const tags: string[] = [];
    const title = content
      .replace(LABEL, (whole, space: string, label: string) => {
        const tag = tagOf(label);
        if (tag === null) {
          warnings.push(`row ${row}: the label “@${label}” cannot be a tag; it stays in the title.`);
          return whole;
        }
        tags.push(tag);
        return space;
      })
      .replace(/\s+/gu, " ")
      .trim();
    if (section !== null) tags.push(section);

    const kept: string[] = [];
    const date = readTodoistDate(cell("DATE"), cell("DATE_LANG"), options, row);
    const deadlineText = cell("DEADLINE");
    let deadline: ReadDate = {};
    if (deadlineText) {
      if (!date.due && !date.recurrence)
        deadline = readTodoistDate(deadlineText, cell("DEADLINE_LANG"), options, row);
      else {
        kept.push(`Deadline (Todoist): ${deadlineText}`);
        counts.deadlines++;
      }
    }
    for (const read of [date, deadline]) {
      if (read.kept) kept.push(read.kept);
      if (read.warning) warnings.push(read.warning);
    }
    if (Number(cell("INDENT") || "1") > 1) counts.subtasks++;
    if (cell("RESPONSIBLE")) counts.assigned++;
    if (cell("DURATION")) counts.durations++;

    const description = [cell("DESCRIPTION"), ...kept].filter(Boolean).join("\n\n");
    const due = date.due ?? deadline.due;
    const recurrence = date.recurrence ?? deadline.recurrence;
    tasks.push({
      title,
      description,
      priority,
      tags,
      ...(due ? { due } : {}),
      ...(recurrence ? { recurrence } : {}),
      list_id: options.list ? 1 : null,
    });
    rows.push(row);
  }

  const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
  if (counts.subtasks) {
    warnings.push(
      `${counts.subtasks} ${plural(counts.subtasks, "sub-task (INDENT 2 or more) comes", "sub-tasks (INDENT 2 or more) come")} in as ordinary tasks.`,
    );
  }
  if (counts.assigned) warnings.push(`Assignees (RESPONSIBLE) are not imported: every task is yours.`);
  if (counts.durations) warnings.push(`Durations (DURATION) are not imported.`);
  if (counts.deadlines) {
    warnings.push(
      `${counts.deadlines} ${plural(counts.deadlines, "task has", "tasks have")} both a date and a deadline: the deadline is kept in the description.`,
    );
  }

  const place: PlaceNamer = (path) => {
    const [kind, index, field] = path;
    if (kind === "tasks" && typeof index === "number" && rows[index] !== undefined) {
      if (field === undefined) return `row ${rows[index]}`;
      const name = String(field).split(/[.[]/)[0] ?? "";
      return `row ${rows[index]}, ${COLUMN_OF[name] ?? name}`;
    }
    if (kind === "lists") return "list";
    return jsonPlace(path);
  };
  return {
    file: {
      version: EXPORT_VERSION,
      lists: options.list ? [{ id: 1, name: options.list }] : [],
      tasks,
    },
    place,
    warnings,
  };
}
