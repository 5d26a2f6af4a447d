// Input and output shapes of the MCP tools (the fixed MCP contract). Every field carries a description
// because MCP clients show them to the model.
import { z } from "zod";
import { prioritySchema, taskIdSchema, textInput } from "./fields";
import { TASK_STATUSES } from "./tasks";

/** The MCP tool names: the one place they are spelled. */
export const TOOL = {
  addTask: "add_task",
  listTasks: "list_tasks",
  completeTask: "complete_task",
  updateTask: "update_task",
  deleteTask: "delete_task",
  restoreTask: "restore_task",
} as const;
export type ToolName = (typeof TOOL)[keyof typeof TOOL];

const userIdArg = textInput()
  .optional()
  .describe(
    "Optional, for compatibility only: the user is taken from the token; a different value is refused",
  );
const dueArg = textInput().describe("Due date as ISO-8601 date (2026-01-31) or date-time");
const taskIdArg = taskIdSchema.describe("The task's numeric id, as shown by list_tasks");
const tagsArg = z.array(textInput()).describe("Labels without '#', e.g. ['work', 'home']");

export const addTaskArgs = {
  title: textInput().describe("Title of the new task, 1–200 characters"),
  description: textInput().optional().describe("Optional longer notes"),
  priority: prioritySchema.optional().describe("none, low, medium or high"),
  tags: tagsArg.optional(),
  due: dueArg.optional(),
  user_id: userIdArg,
};

export const listTasksArgs = {
  status: z
    .enum(TASK_STATUSES)
    .optional()
    .describe("all (default), pending, completed, or deleted (the trash)"),
  priority: prioritySchema.optional().describe("Only tasks with this priority"),
  tag: textInput().optional().describe("Only tasks carrying this tag"),
  query: textInput().optional().describe("Text to search for in titles and descriptions"),
  due_before: dueArg.optional().describe("Only tasks due before this date"),
  due_after: dueArg.optional().describe("Only tasks due after this date"),
  limit: z.number().int().min(1).max(100).optional().describe("At most this many tasks (default 50)"),
  user_id: userIdArg,
};

export const taskRefArgs = { task_id: taskIdArg, user_id: userIdArg };

export const updateTaskArgs = {
  task_id: taskIdArg,
  title: textInput().optional().describe("New title"),
  description: textInput().optional().describe("New description"),
  priority: prioritySchema.optional().describe("New priority"),
  tags: tagsArg.optional().describe("Replaces all tags"),
  due: dueArg.nullable().optional().describe("New due date; null clears it"),
  completed: z.boolean().optional().describe("true marks done, false reopens"),
  user_id: userIdArg,
};

export const taskActionResult = {
  task_id: z.number().int().describe("Id of the task acted on"),
  status: z.enum(["created", "completed", "deleted", "updated", "restored"]).describe("What happened"),
  title: z.string().describe("Title of the task"),
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
});
export const listTasksResult = { tasks: z.array(listedTask).describe("Matching tasks, newest first") };
