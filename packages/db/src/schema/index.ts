export { account, rateLimit, session, user, verification } from "./auth";
export type { ConversationRow, MessageRow, StoredToolCall } from "./chat";
export { conversations, messageRole, messages } from "./chat";
export type { ListRow } from "./lists";
export { lists } from "./lists";
export {
  jwks,
  oauthAccessToken,
  oauthClient,
  oauthClientAssertion,
  oauthClientResource,
  oauthConsent,
  oauthRefreshToken,
  oauthResource,
} from "./oauth";
export type { TaskRow } from "./tasks";
export { taskPriority, tasks } from "./tasks";
export type { PersonalTokenRow } from "./tokens";
export { personalTokens } from "./tokens";
