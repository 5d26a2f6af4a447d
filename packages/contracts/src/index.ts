export type { AuthUser, SessionResponse, SignInInput, SignUpInput } from "./auth";
export {
  authUserSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordSchema,
  sessionResponseSchema,
  signedInSchema,
  signInBody,
  signOutResponseSchema,
  signUpBody,
} from "./auth";
export type {
  ChatProblem,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  ChatStreamEventInput,
  ChatStreamEventName,
  Conversation,
  ConversationDetail,
  ConversationList,
  ToolCall,
} from "./chat";
export {
  CHAT_EVENTS,
  chatProblemSchema,
  chatRequestBody,
  chatResponseSchema,
  chatStreamEventSchema,
  clientTurnIdSchema,
  conversationDetailSchema,
  conversationListSchema,
  conversationMessagesQuery,
  conversationSchema,
  MESSAGE_PAGE_DEFAULT,
  MESSAGE_PAGE_MAX,
  messageSchema,
  toolCallSchema,
} from "./chat";
export { type AppConfig, ASSISTANT_MODES, type AssistantMode, appConfigSchema } from "./config";
export type { ConnectedApp, ConnectedAppList, McpScope, OAuthScope } from "./connected-apps";
export { connectedAppListSchema, connectedAppSchema, MCP_SCOPES, OAUTH_SCOPES } from "./connected-apps";
export { MESSAGE_ROLES, type MessageRole, TASK_PRIORITIES, type TaskPriority } from "./enums";
export type {
  ExportFile,
  ExportFormat,
  ExportTask,
  ImportFormat,
  ImportPreview,
  ImportResult,
} from "./export";
export {
  EXPORT_CSV_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_VERSION,
  exportFileSchema,
  exportListSchema,
  exportQuery,
  exportTaskSchema,
  IMPORT_FORMATS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_LISTS,
  IMPORT_MAX_TASKS,
  IMPORT_SAMPLE_SIZE,
  importPreviewSchema,
  importQuery,
  importResultSchema,
} from "./export";
export {
  type DateInput,
  DESCRIPTION_MAX_LENGTH,
  dateInputSchema,
  descriptionSchema,
  isTimeZone,
  MALFORMED_TEXT_MESSAGE,
  malformedTextMessage,
  NUL_MESSAGE,
  parseDateInput,
  prioritySchema,
  TAG_MAX_LENGTH,
  TAG_PATTERN,
  TAGS_MAX,
  TITLE_MAX_LENGTH,
  tagSchema,
  tagsSchema,
  taskIdSchema,
  textInput,
  timeZoneSchema,
  titleSchema,
} from "./fields";
export type { CreateListInput, List, ListList, RenameListInput } from "./lists";
export {
  createListBody,
  INBOX,
  LIST_NAME_MAX_LENGTH,
  listFilterSchema,
  listIdField,
  listListSchema,
  listNameSchema,
  listSchema,
  renameListBody,
} from "./lists";
export type { Me, UpdateMeInput } from "./me";
export { meSchema, updateMeBody } from "./me";
export { clientIdParams, idParams, userIdParams } from "./params";
export type { FieldError, Problem } from "./problem";
export { fieldErrorSchema, problemSchema } from "./problem";
export type {
  CreateTaskInput,
  CreateTaskRequest,
  ListTasksInput,
  ListTasksOptions,
  ParsedTask,
  Task,
  TaskList,
  TaskSort,
  TaskStatus,
  UpdateTaskInput,
} from "./tasks";
export {
  createTaskBody,
  listTasksQuery,
  parsedTaskSchema,
  QUICK_ADD_MAX_CHARS,
  quickAddParseBody,
  replaceTaskBody,
  TASK_SORTS,
  TASK_STATUSES,
  taskListSchema,
  taskSchema,
  updateTaskBody,
} from "./tasks";
export type { CreatedToken, PersonalToken, TokenList } from "./tokens";
export { createdTokenSchema, createTokenBody, tokenListSchema, tokenSchema } from "./tokens";
