export {
  appendMessage,
  deleteConversation,
  getConversation,
  type HistoryMessage,
  listConversations,
  loadHistory,
  MESSAGE_PAGE_DEFAULT,
  MESSAGE_PAGE_MAX,
  startConversation,
} from "./conversations";
export { findTurn, type StoredTurn } from "./find-turn";
