export { appendMessage } from "./append-message";
export { deleteConversation } from "./delete-conversation";
export { findTurn, type StoredTurn } from "./find-turn";
export { getConversation, MESSAGE_PAGE_DEFAULT, MESSAGE_PAGE_MAX } from "./get-conversation";
export { listConversations } from "./list-conversations";
export { type HistoryMessage, loadHistory } from "./load-history";
export { startConversation } from "./start-conversation";
