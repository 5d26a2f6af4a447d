export { account, rateLimit, session, user, verification } from "./auth";
export type { ConversationRow, MessageRow, StoredToolCall } from "./chat";
export { conversations, MESSAGE_ROLES, messageRole, messages } from "./chat";
export type { TaskPriority, TaskRow } from "./tasks";
export { TASK_PRIORITIES, taskPriority, tasks } from "./tasks";
export type { PersonalTokenRow } from "./tokens";
export { personalTokens } from "./tokens";
