import { z } from "zod";
import {
  dateInputSchema,
  descriptionSchema,
  prioritySchema,
  TAG_MAX_LENGTH,
  tagsSchema,
  textInput,
  titleSchema,
} from "./fields";
import { listFilterSchema, listIdField } from "./lists";
import { MAX_RECURRENCE_LENGTH, recurrenceTaskFields } from "./recurrence";

export const taskSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string(),
    completed: z.boolean(),
    priority: prioritySchema,
    tags: z.array(z.string()),
    due_at: z
      .string()
      .nullable()
      .describe("YYYY-MM-DD for an all-day task, else an ISO-8601 instant (UTC); null when there is none"),
    all_day: z.boolean().describe("true: due_at is a calendar day, the same for every viewer"),
    ...recurrenceTaskFields,
    remind_at: z
      .string()
      .nullable()
      .describe("When the user is reminded (an ISO-8601 instant, UTC), else null"),
    completed_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    deleted_at: z.string().nullable().describe("When the task was moved to the trash, else null"),
    list_id: z.number().int().nullable().describe("The list the task is in, or null: the Inbox"),
  })
  .meta({ id: "Task" });
export type Task = z.infer<typeof taskSchema>;

/**
 * `recurrence` in a body: an RRULE (`FREQ=WEEKLY;BYDAY=MO`) or an English phrase ("every weekday"); core
 * resolves and checks it (the phrase parser is not browser code), so a bad one is a 400 on the field.
 */
export const recurrenceBodyField = textInput(
  'must be an RRULE such as FREQ=WEEKLY;BYDAY=MO, a phrase such as "every weekday", or null',
)
  .trim()
  .min(1, "must not be empty (null stops repeating)")
  .max(MAX_RECURRENCE_LENGTH, `must be at most ${MAX_RECURRENCE_LENGTH} characters`)
  .describe(
    "How the task repeats: an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO, or an English phrase such as " +
      "'every weekday', 'every 2 weeks on friday', 'on the 1st of every month'; null stops repeating. It needs " +
      "a due: without one, the rule's first day from today becomes the due when the rule names its days " +
      "('every saturday at 9'). Completing the task moves its due to the next occurrence.",
  );

/** `remind_at` in a body: a date-time (in the user's zone unless it has an offset); a bare day is refused. */
export const remindAtBodyField = dateInputSchema
  .refine(
    (input) => input.kind !== "day",
    "needs a time of day: 2026-01-31T08:30 (in your time zone) or an instant with an offset",
  )
  .describe(
    "When to remind the user: an ISO-8601 date-time, read in the user's time zone unless it has an offset or Z",
  );

/** The fields a create and an update both may give or leave out, in the order they are checked. */
const optionalTaskFields = {
  description: descriptionSchema.optional(),
  priority: prioritySchema.optional(),
  tags: tagsSchema.optional(),
  due_at: dateInputSchema.nullable().optional(),
  recurrence: recurrenceBodyField.nullable().optional(),
  remind_at: remindAtBodyField.nullable().optional(),
};

export const createTaskBody = z.strictObject({
  title: titleSchema,
  ...optionalTaskFields,
  list_id: listIdField.optional(),
});
export type CreateTaskInput = z.infer<typeof createTaskBody>;
/** The JSON a client sends to POST /api/tasks (what `createTaskBody` accepts, before its transforms). */
export type CreateTaskRequest = z.input<typeof createTaskBody>;

export const updateTaskBody = z
  .strictObject({
    title: titleSchema.optional(),
    ...optionalTaskFields,
    completed: z.boolean({ error: "must be true or false" }).optional(),
    list_id: listIdField.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "give at least one field to change");
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;

/** PUT replaces the task: title is required, omitted optional fields return to their defaults. */
export const replaceTaskBody = z.strictObject({
  title: titleSchema,
  description: descriptionSchema.default(""),
  priority: prioritySchema.default("none"),
  tags: tagsSchema.default([]),
  due_at: dateInputSchema.nullable().default(null),
  recurrence: recurrenceBodyField.nullable().default(null),
  remind_at: remindAtBodyField.nullable().default(null),
  completed: z.boolean({ error: "must be true or false" }).default(false),
  list_id: listIdField.default(null),
});

/** `deleted` lists the trash: deleted tasks that can still be restored. */
export const TASK_STATUSES = ["all", "pending", "completed", "deleted"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_SORTS = [
  "created",
  "-created",
  "due",
  "-due",
  "priority",
  "-priority",
  "title",
  "-title",
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const listTasksQuery = z.strictObject({
  status: z.enum(TASK_STATUSES).default("all"),
  priority: prioritySchema.optional(),
  tag: textInput()
    .trim()
    .toLowerCase()
    .max(TAG_MAX_LENGTH, `must be at most ${TAG_MAX_LENGTH} characters`)
    .optional(),
  q: textInput().trim().max(200, "must be at most 200 characters").optional(),
  due_before: dateInputSchema.optional(),
  due_after: dateInputSchema.optional(),
  list: listFilterSchema.optional(),
  sort: z.enum(TASK_SORTS).default("-created"),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be an integer")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .default(50),
  cursor: textInput().max(512).optional(),
  with_total: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((value) => value === "true")
    .optional()
    .describe("true: the answer also carries `total`, how many tasks match the filters on every page"),
});
export type ListTasksInput = z.input<typeof listTasksQuery>;
export type ListTasksOptions = z.output<typeof listTasksQuery>;

export const taskListSchema = z.object({
  items: z.array(taskSchema),
  next_cursor: z.string().nullable(),
  total: z
    .number()
    .int()
    .optional()
    .describe("With with_total=true: how many tasks match the filters, all pages together"),
});
export type TaskList = z.infer<typeof taskListSchema>;

/** The longest line quick add reads. */
export const QUICK_ADD_MAX_CHARS = 500;

/** POST /api/tasks/parse: one line as typed in the board's quick add. */
export const quickAddParseBody = z.strictObject({
  text: textInput()
    .trim()
    .min(1, "must not be empty")
    .max(QUICK_ADD_MAX_CHARS, `must be at most ${QUICK_ADD_MAX_CHARS} characters`)
    .describe("One line as typed in the board's quick add, e.g. “dentist friday 3pm #health !high”"),
});

/** What quick add read in a line: the fields of a new task, nothing created. Marks not typed are absent. */
export const parsedTaskSchema = z.object({
  title: z.string(),
  priority: prioritySchema.exclude(["none"]).optional(),
  tags: z.array(z.string()).optional(),
  due_at: z
    .string()
    .optional()
    .describe("YYYY-MM-DD (all day) or YYYY-MM-DDTHH:MM (wall time in the user's zone)"),
  recurrence: z
    .string()
    .optional()
    .describe("The repeat said in the line, as an RRULE (“every saturday” → FREQ=WEEKLY;BYDAY=SA)"),
  remind_at: z
    .string()
    .optional()
    .describe("The reminder said in the line: YYYY-MM-DDTHH:MM, a wall time in the user's zone"),
});
export type ParsedTask = z.infer<typeof parsedTaskSchema>;
