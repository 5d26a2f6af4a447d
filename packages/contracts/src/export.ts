// Export and import (GET /api/export, POST /api/import): the file a user takes their data out in and
// brings it back with. The same schema describes what the export writes and checks what an import
// reads, so it holds no transform: a date stays the string the Task contract carries (`YYYY-MM-DD` or
// an ISO instant), checked by the task fields' own rules. The import turns each task into a create
// body (`createTaskBody`), which applies the rest (a reminder needs a time of day, tags de-duplicated).
import { z } from "zod";
import {
  dateInputSchema,
  descriptionSchema,
  parseDateInput,
  prioritySchema,
  tagsSchema,
  textInput,
  timeZoneSchema,
  titleSchema,
} from "./fields";
import { listNameSchema } from "./lists";
import { recurrenceBodyField } from "./tasks";

/** The version of the file this server writes and reads. */
export const EXPORT_VERSION = 1;
/** The largest body POST /api/import reads (413 past it). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The most tasks one import creates. */
export const IMPORT_MAX_TASKS = 5_000;
/** The most lists one import names. */
export const IMPORT_MAX_LISTS = 200;
/** How many titles a preview shows. */
export const IMPORT_SAMPLE_SIZE = 5;

/** `?format=` of GET /api/export: everything as JSON (re-importable), or the tasks as CSV. */
export const EXPORT_FORMATS = ["json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** `?format=` of POST /api/import: a Taskflow export (JSON), or a Todoist CSV export (text/csv). */
export const IMPORT_FORMATS = ["json", "todoist"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The columns of the CSV export, in order. */
export const EXPORT_CSV_COLUMNS = [
  "title",
  "description",
  "priority",
  "tags",
  "due",
  "completed",
  "completed_at",
  "list",
  "recurrence",
  "remind_at",
  "created_at",
] as const;

/** A date as a task carries it: `YYYY-MM-DD` (all day) or a date-time, by dateInputSchema's rule. */
const fileDate = dateInputSchema.in;
const fileInstant = textInput("must be an ISO-8601 date-time").refine(
  (value) => parseDateInput(value)?.kind === "instant",
  "must be an ISO-8601 date-time with Z or an offset (2026-01-31T09:30:00Z)",
);
/** A list's id inside the file: what a task's `list_id` refers to, never a database id. */
const fileListId = z
  .number({ error: "must be a positive integer" })
  .int("must be a positive integer")
  .positive("must be a positive integer")
  .max(2_147_483_647, "is too large");

/** How many times a repeating task was completed: a whole number the tasks table can hold. */
const fileCount = z
  .number({ error: "must be a whole number, 0 or more" })
  .int("must be a whole number, 0 or more")
  .min(0, "must be a whole number, 0 or more")
  .max(2_147_483_647, "is too large");

export const exportListSchema = z.strictObject({ id: fileListId, name: listNameSchema });

export const exportTaskSchema = z.strictObject({
  title: titleSchema,
  description: descriptionSchema.optional(),
  priority: prioritySchema.optional(),
  tags: tagsSchema.in.optional(),
  due: fileDate
    .nullable()
    .optional()
    .describe(
      "YYYY-MM-DD for an all-day task, else an ISO-8601 date-time (an export writes UTC instants; one without an offset is read in your time zone)",
    ),
  completed: z.boolean({ error: "must be true or false" }).optional(),
  completed_at: fileInstant.nullable().optional(),
  completed_count: fileCount
    .optional()
    .describe(
      "How many times a repeating task was completed (each moved it to its next date); 0 when absent",
    ),
  created_at: fileInstant.optional().describe("Kept on import; now when absent"),
  recurrence: recurrenceBodyField.nullable().optional(),
  remind_at: fileDate
    .nullable()
    .optional()
    .describe("When to remind: an ISO-8601 date-time (a reminder already past on import does not fire)"),
  list_id: fileListId
    .nullable()
    .optional()
    .describe("The id of one of the file's `lists`, or null for the Inbox"),
});

/** The export file (`version` 1): every list, and every task not in the trash, open and completed. */
export const exportFileSchema = z.strictObject({
  version: z.literal(EXPORT_VERSION, { error: `must be ${EXPORT_VERSION}` }),
  exported_at: fileInstant.optional().describe("When the file was written (always in an export)"),
  time_zone: timeZoneSchema.optional().describe("The exporting user's zone (always in an export)"),
  lists: z
    .array(exportListSchema, { error: "must be an array of lists" })
    .max(IMPORT_MAX_LISTS, `must hold at most ${IMPORT_MAX_LISTS} lists`),
  tasks: z
    .array(exportTaskSchema, { error: "must be an array of tasks" })
    .max(IMPORT_MAX_TASKS, `must hold at most ${IMPORT_MAX_TASKS} tasks`),
});
/** The file as written and read (the schema holds no transform). */
export type ExportFile = z.input<typeof exportFileSchema>;
export type ExportTask = z.input<typeof exportTaskSchema>;

export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default("json").describe("json: everything, re-importable; csv: the tasks"),
});

export const importQuery = z
  .strictObject({
    format: z
      .enum(IMPORT_FORMATS)
      .default("json")
      .describe("json: a Taskflow export (application/json); todoist: a Todoist CSV export (text/csv)"),
    dry_run: z
      .enum(["true", "false"], { error: "must be true or false" })
      .transform((value) => value === "true")
      .optional()
      .describe("true: answer with a preview of what would be created, and write nothing"),
    list: listNameSchema
      .optional()
      .describe("format=todoist: the list the tasks go into (created if missing); absent: the Inbox"),
  })
  .refine((query) => query.list === undefined || query.format === "todoist", {
    path: ["list"],
    message: "is only read with format=todoist (a Taskflow export names its own lists)",
  });

export const importResultSchema = z.object({
  imported: z.object({
    lists: z.number().int().describe("How many lists were created (lists you already had are reused)"),
    tasks: z.number().int().describe("How many tasks were created"),
  }),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const importPreviewSchema = z.object({
  preview: z.object({
    lists: z.object({
      create: z.array(z.string()).describe("Lists the import would create"),
      existing: z
        .array(z.string())
        .describe("Lists of yours (matched by name, whatever its case) it would use"),
    }),
    tasks: z.number().int().describe("How many tasks it would create"),
    completed: z.number().int().describe("How many of them are completed"),
    sample: z.array(z.string()).describe(`The first ${IMPORT_SAMPLE_SIZE} titles`),
    warnings: z
      .array(z.string())
      .optional()
      .describe("What the import reads differently from the file (a Todoist date it could not read…)"),
  }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
