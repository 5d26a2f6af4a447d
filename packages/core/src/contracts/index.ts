export {
  chatRequestBody,
  chatResponseSchema,
  CHAT_EVENTS,
  conversationDetailSchema,
  conversationSchema,
  messageSchema,
  toolCallSchema,
} from "./chat";
export type { ChatResponse, Conversation, ConversationDetail, ToolCall } from "./chat";
export { descriptionSchema, isoDateSchema, parseIsoDate, prioritySchema, tagsSchema, taskIdSchema, titleSchema } from "./fields";
export { problemSchema } from "./problem";
export type { Problem } from "./problem";
export {
  createTaskBody,
  listTasksQuery,
  replaceTaskBody,
  TASK_SORTS,
  TASK_STATUSES,
  taskListSchema,
  taskSchema,
  updateTaskBody,
} from "./tasks";
export type { CreateTaskInput, ListTasksInput, ListTasksOptions, Task, TaskList, TaskSort, UpdateTaskInput } from "./tasks";
export { createdTokenSchema, createTokenBody, tokenSchema } from "./tokens";
export type { CreatedToken, PersonalToken } from "./tokens";
