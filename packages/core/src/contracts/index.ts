export type { ChatProblem, ChatResponse, Conversation, ConversationDetail, ToolCall } from "./chat";
export {
  CHAT_EVENTS,
  chatProblemSchema,
  chatRequestBody,
  chatResponseSchema,
  clientTurnIdSchema,
  conversationDetailSchema,
  conversationMessagesQuery,
  conversationSchema,
  messageSchema,
  toolCallSchema,
} from "./chat";
export {
  descriptionSchema,
  isoDateSchema,
  MALFORMED_TEXT_MESSAGE,
  malformedTextMessage,
  NUL_MESSAGE,
  parseIsoDate,
  prioritySchema,
  tagsSchema,
  taskIdSchema,
  textInput,
  titleSchema,
} from "./fields";
export type { Problem } from "./problem";
export { problemSchema } from "./problem";
export type {
  CreateTaskInput,
  ListTasksInput,
  ListTasksOptions,
  Task,
  TaskList,
  TaskSort,
  UpdateTaskInput,
} from "./tasks";
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
export type { CreatedToken, PersonalToken } from "./tokens";
export { createdTokenSchema, createTokenBody, tokenSchema } from "./tokens";
