export { account, rateLimit, session, user, verification } from "./auth";
export { conversations, MESSAGE_ROLES, messages, messageRole } from "./chat";
export type { ConversationRow, MessageRow, StoredToolCall } from "./chat";
export { TASK_PRIORITIES, taskPriority, tasks } from "./tasks";
export type { TaskPriority, TaskRow } from "./tasks";
export { personalTokens } from "./tokens";
export type { PersonalTokenRow } from "./tokens";
