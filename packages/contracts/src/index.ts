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
export type { ConnectedApp, McpScope, OAuthScope } from "./connected-apps";
export { connectedAppListSchema, connectedAppSchema, MCP_SCOPES, OAUTH_SCOPES } from "./connected-apps";
export { MESSAGE_ROLES, type MessageRole, TASK_PRIORITIES, type TaskPriority } from "./enums";
export {
  type DateInput,
  dateInputSchema,
  descriptionSchema,
  isTimeZone,
  MALFORMED_TEXT_MESSAGE,
  malformedTextMessage,
  NUL_MESSAGE,
  parseDateInput,
  prioritySchema,
  tagsSchema,
  taskIdSchema,
  textInput,
  timeZoneSchema,
  titleSchema,
} from "./fields";
export type { Me, UpdateMeInput } from "./me";
export { meSchema, updateMeBody } from "./me";
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
