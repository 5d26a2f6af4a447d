// Input and output shapes of the MCP tools (the fixed MCP contract). Every field carries a description
// because MCP clients show them to the model.
import { z } from "zod";
import { parseDateInput, prioritySchema, taskIdSchema, textInput } from "./fields";
import { INBOX, LIST_NAME_MAX_LENGTH } from "./lists";
import { TASK_STATUSES } from "./tasks";

/** The MCP tool names: the one place they are spelled. */
export const TOOL = {
  addTask: "add_task",
  listTasks: "list_tasks",
  completeTask: "complete_task",
  updateTask: "update_task",
  deleteTask: "delete_task",
  restoreTask: "restore_task",
  addTasks: "add_tasks",
  completeTasks: "complete_tasks",
  updateTasks: "update_tasks",
  getOverview: "get_overview",
  findTasksByDate: "find_tasks_by_date",
  listLists: "list_lists",
  createList: "create_list",
  renameList: "rename_list",
  deleteList: "delete_list",
} as const;
export type ToolName = (typeof TOOL)[keyof typeof TOOL];

/** The tools that only read: a read-only OAuth grant may call them, and the assistant never reports them as changes. */
export const READ_ONLY_TOOLS: ReadonlySet<string> = new Set<ToolName>([
  TOOL.listTasks,
  TOOL.getOverview,
  TOOL.findTasksByDate,
  TOOL.listLists,
]);

/** The MCP resources (by URI) and prompts (by name) the server offers. */
export const RESOURCE = { today: "taskflow://today" } as const;
export const PROMPT = { planMyDay: "plan-my-day" } as const;

/** At most this many tasks per bulk call: one transaction stays short, and one reply stays readable. */
export const MAX_BULK_ITEMS = 50;

/**
 * Tool arguments as a strict object: an argument the tool does not take is refused with a message
 * naming it and the ones it does take. A plain object would drop it silently, and the model would
 * believe, say, a `notes` or `list` it sent had been stored.
 */
function toolArgs<S extends z.core.$ZodLooseShape>(shape: S) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown argument${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((key) => `'${key}'`).join(", ")}: allowed are ${known}`
        : undefined,
  });
}

const userIdArg = textInput()
  .optional()
  .describe(
    "Optional, for compatibility only: the user is taken from the token; a different value is refused",
  );
const dueArg = textInput().describe("Due date as ISO-8601 date (2026-01-31) or date-time");
const taskIdArg = taskIdSchema.describe(`The task's numeric id, as shown by ${TOOL.listTasks}`);
const tagsArg = z.array(textInput()).describe("Labels without '#', e.g. ['work', 'home']");

const recurrenceArg = textInput().describe(
  "How the task repeats: an RRULE (FREQ=WEEKLY;BYDAY=MO) or an English phrase ('every weekday', " +
    "'every 2 weeks on friday', 'on the 1st of every month', 'every saturday at 9'). It needs a due: " +
    "without one, the rule's first day from today becomes the due (at the phrase's time, if it says one). " +
    "Completing a repeating task moves it to its next due; it stays open.",
);
const remindArg = textInput().describe(
  "When to remind the user: an ISO-8601 date-time (2026-01-31T08:30), in the user's time zone unless it has an offset",
);

const listArg = textInput().describe(
  `The list, by name (case-insensitive, as shown by ${TOOL.listLists}); "inbox" means no list`,
);

const newTaskFields = {
  title: textInput().describe("Title of the new task, 1–200 characters"),
  description: textInput().optional().describe("Optional longer notes"),
  priority: prioritySchema.optional().describe("none, low, medium or high"),
  tags: tagsArg.optional(),
  due: dueArg.optional(),
  recurrence: recurrenceArg.optional(),
  remind_at: remindArg.optional(),
  list: listArg.optional(),
};
export const addTaskArgs = toolArgs({ ...newTaskFields, user_id: userIdArg });

export const listTasksArgs = toolArgs({
  status: z
    .enum(TASK_STATUSES)
    .optional()
    .describe("all (default), pending, completed, or deleted (the trash)"),
  priority: prioritySchema.optional().describe("Only tasks with this priority"),
  tag: textInput().optional().describe("Only tasks carrying this tag"),
  query: textInput().optional().describe("Text to search for in titles and descriptions"),
  due_before: dueArg.optional().describe("Only tasks due before this date"),
  due_after: dueArg.optional().describe("Only tasks due after this date"),
  list: listArg.optional().describe(`Only tasks in this list, by name; "inbox": only tasks in no list`),
  limit: z.number().int().min(1).max(100).optional().describe("At most this many tasks (default 50)"),
  user_id: userIdArg,
});

export const taskRefArgs = toolArgs({ task_id: taskIdArg, user_id: userIdArg });

const taskChangeFields = {
  title: textInput().optional().describe("New title"),
  description: textInput().optional().describe("New description"),
  priority: prioritySchema.optional().describe("New priority"),
  tags: tagsArg.optional().describe("Replaces all tags"),
  due: dueArg.nullable().optional().describe("New due date; null clears it"),
  recurrence: recurrenceArg
    .nullable()
    .optional()
    .describe(`${recurrenceArg.description} null stops repeating.`),
  remind_at: remindArg.nullable().optional().describe(`${remindArg.description}; null clears the reminder`),
  completed: z.boolean().optional().describe("true marks done, false reopens"),
  list: listArg.optional().describe(`Moves the task to this list, by name; "inbox" takes it out of its list`),
};
export const updateTaskArgs = toolArgs({ task_id: taskIdArg, ...taskChangeFields, user_id: userIdArg });

export const taskActionResult = {
  task_id: z.number().int().describe("Id of the task acted on"),
  status: z.enum(["created", "completed", "deleted", "updated", "restored"]).describe("What happened"),
  title: z.string().describe("Title of the task"),
  due_at: z
    .string()
    .nullable()
    .optional()
    .describe(
      "Given when the task repeats: its due (YYYY-MM-DD or ISO-8601 instant); after a completion, the next occurrence",
    ),
  recurrence_text: z.string().optional().describe("Given when the task repeats: how, in plain English"),
  remind_at: z.string().optional().describe("Given when a reminder is set: when (ISO-8601 instant)"),
};

export const listedTask = z.object({
  id: z.number().int().describe("Task id"),
  title: z.string().describe("Title"),
  completed: z.boolean().describe("Whether it is done"),
  priority: prioritySchema,
  tags: z.array(z.string()).describe("Tags"),
  due_at: z
    .string()
    .nullable()
    .describe("YYYY-MM-DD for an all-day task, else the due instant (ISO-8601); null when none"),
  completed_at: z.string().nullable().describe("When it was completed (ISO-8601), else null"),
  recurrence_text: z
    .string()
    .nullable()
    .describe("How it repeats, in plain English ('every Saturday'); null when it does not repeat"),
  remind_at: z.string().nullable().describe("When the user is reminded (ISO-8601 instant), else null"),
  list: z.string().nullable().describe("The name of the task's list, or null: the Inbox"),
});
export const listTasksResult = { tasks: z.array(listedTask).describe("Matching tasks, newest first") };

const bulkItems = <T extends z.ZodType>(item: T, what: string) =>
  z
    .array(item)
    .min(1, `give at least one ${what}`)
    .max(MAX_BULK_ITEMS, `at most ${MAX_BULK_ITEMS} ${what}s per call; send the rest in another call`);

export const addTasksArgs = toolArgs({
  tasks: bulkItems(toolArgs(newTaskFields), "task").describe(
    `The tasks to create, 1–${MAX_BULK_ITEMS}, each like ${TOOL.addTask}'s arguments`,
  ),
  user_id: userIdArg,
});

export const completeTasksArgs = toolArgs({
  task_ids: bulkItems(taskIdArg, "task id").describe(
    `Ids of the tasks to mark done, 1–${MAX_BULK_ITEMS}, as shown by ${TOOL.listTasks}`,
  ),
  user_id: userIdArg,
});

export const updateTasksArgs = toolArgs({
  tasks: bulkItems(toolArgs({ task_id: taskIdArg, ...taskChangeFields }), "change").describe(
    `The changes, 1–${MAX_BULK_ITEMS}, each like ${TOOL.updateTask}'s arguments (task_id plus the fields to change); one task at most once`,
  ),
  user_id: userIdArg,
});

export const bulkResult = {
  count: z.number().int().describe("How many tasks were acted on (all of them, or the call failed)"),
  results: z
    .array(z.object(taskActionResult))
    .describe("One result per item, in the order the items were given"),
};

export const getOverviewArgs = toolArgs({ user_id: userIdArg });

const overviewCounts = z.object({
  open: z.number().int().describe("Tasks not done yet"),
  completed: z.number().int().describe("Tasks done (not in the trash)"),
  completed_today: z.number().int().describe("Tasks completed since the start of today"),
  overdue: z.number().int().describe("Open tasks whose due date or time has passed"),
  due_today: z.number().int().describe("Open tasks due later today (not yet overdue)"),
  in_trash: z.number().int().describe("Deleted tasks that can still be restored"),
});

export const overviewResult = {
  time_zone: z
    .string()
    .describe("The user's IANA time zone: today, overdue and due today are computed in it"),
  today: z.string().describe("Today's date in that zone, YYYY-MM-DD"),
  now: z.string().describe("The moment the overview was computed (ISO-8601)"),
  counts: overviewCounts.describe("How many tasks are in each state"),
  overdue: z.array(listedTask).describe("Overdue open tasks, most overdue first (at most 20)"),
  due_today: z.array(listedTask).describe("Open tasks due later today, soonest first (at most 20)"),
  next_up: z.array(listedTask).describe("The next few open tasks due after today, soonest first"),
};
const overviewSchema = z.object(overviewResult);
export type Overview = z.infer<typeof overviewSchema>;
export type ListedTask = z.infer<typeof listedTask>;

const dayArg = textInput()
  .refine((value) => parseDateInput(value)?.kind === "day", "must be a calendar day YYYY-MM-DD")
  .describe("A calendar day, YYYY-MM-DD, in the user's time zone");

export const findTasksByDateArgs = toolArgs({
  from: dayArg.describe("First day of the range (inclusive), YYYY-MM-DD in the user's time zone"),
  to: dayArg.describe("Last day of the range (inclusive), YYYY-MM-DD; the same as from for one day"),
  status: z
    .enum(["all", "pending", "completed"])
    .optional()
    .describe("pending (default): still to do; completed; or all"),
  limit: z.number().int().min(1).max(100).optional().describe("At most this many tasks (default 50)"),
  user_id: userIdArg,
});

export const findTasksByDateResult = {
  time_zone: z.string().describe("The user's IANA time zone: the days are read in it"),
  from: z.string().describe("First day, YYYY-MM-DD"),
  to: z.string().describe("Last day, YYYY-MM-DD"),
  tasks: z.array(listedTask).describe("Tasks due on those days, soonest first"),
};
const findTasksByDateSchema = z.object(findTasksByDateResult);
export type TasksByDate = z.infer<typeof findTasksByDateSchema>;

export const listListsArgs = toolArgs({ user_id: userIdArg });

const listSummary = {
  id: z.number().int().describe("List id"),
  name: z.string().describe("The list's name: give it as `list` to the task tools"),
  task_count: z.number().int().describe("How many open tasks it holds (not done, not in the trash)"),
};

export const listListsResult = {
  lists: z.array(z.object(listSummary)).describe("The user's lists by name; tasks in none are in the Inbox"),
};

// Checked against the lists' own name rules (createListBody, renameListBody) by the tools, which name the field.
const listNameArg = textInput().describe(
  `The list's name, 1–${LIST_NAME_MAX_LENGTH} characters, unique per user whatever its case; not "${INBOX}"`,
);
const existingListArg = textInput().describe(
  `The list, by its current name (case-insensitive, as shown by ${TOOL.listLists})`,
);

export const createListArgs = toolArgs({ name: listNameArg, user_id: userIdArg });
export const renameListArgs = toolArgs({
  list: existingListArg,
  name: textInput().describe(
    `The new name, 1–${LIST_NAME_MAX_LENGTH} characters, unique per user whatever its case; not "${INBOX}"`,
  ),
  user_id: userIdArg,
});
export const deleteListArgs = toolArgs({ list: existingListArg, user_id: userIdArg });

/** create_list and rename_list: the list as it now is. */
export const listResult = listSummary;
export const deleteListResult = {
  id: z.number().int().describe("Id of the deleted list"),
  name: z.string().describe("Name of the deleted list"),
  open_tasks_moved: z
    .number()
    .int()
    .describe("How many open tasks it held; they, and its completed ones, are now in the Inbox"),
};
