import { z } from "zod";
import { taskIdSchema, textInput } from "./fields";

/** The longest list name, in characters (after trimming). */
export const LIST_NAME_MAX_LENGTH = 60;
/** The word that names "no list" wherever a list is given by name (MCP `list`, `?list=`). */
export const INBOX = "inbox";

export const listNameSchema = textInput("must be a string")
  .trim()
  .min(1, "must not be empty")
  .max(LIST_NAME_MAX_LENGTH, `must be at most ${LIST_NAME_MAX_LENGTH} characters`)
  .refine(
    (name) => name.toLowerCase() !== INBOX,
    `"Inbox" is the place for tasks in no list, not a list name`,
  )
  .describe(`The list's name, 1–${LIST_NAME_MAX_LENGTH} characters, unique per user whatever its case`);

export const listSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    task_count: z.number().int().describe("How many open tasks (not completed, not in the trash) it holds"),
  })
  .meta({ id: "List" });
export type List = z.infer<typeof listSchema>;

/** GET /api/lists: every list of the user, by name. */
export const listListSchema = z.object({ items: z.array(listSchema) });
export type ListList = z.infer<typeof listListSchema>;

export const createListBody = z.strictObject({ name: listNameSchema });
export type CreateListInput = z.infer<typeof createListBody>;

export const renameListBody = z.strictObject({ name: listNameSchema });
export type RenameListInput = z.infer<typeof renameListBody>;

/** A task's list in a body: a list id of the user's, or null (the Inbox). */
export const listIdField = z
  .number({ error: "must be a list id (a positive integer) or null" })
  .int("must be a list id (a positive integer) or null")
  .positive("must be a list id (a positive integer) or null")
  .max(2_147_483_647, "is too large")
  .nullable()
  .describe("The id of one of your lists, or null for the Inbox (no list)");

/** `?list=` on GET /api/tasks: a list id, or `inbox` (tasks in no list). */
export const listFilterSchema = z
  .union([z.literal(INBOX), taskIdSchema], { error: "must be a list id or inbox" })
  .describe("A list id, or inbox for the tasks in no list");
