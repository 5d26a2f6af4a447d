export {
  appendMessage,
  deleteConversation,
  getConversation,
  listConversations,
  loadHistory,
  startConversation,
} from "./conversations";
