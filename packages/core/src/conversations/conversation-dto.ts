import type { Conversation } from "@taskflow/contracts";
import type { ConversationRow, MessageRow } from "@taskflow/db/schema";

export const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  title: row.title,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

export const toMessage = (row: MessageRow) => ({
  id: row.id,
  role: row.role,
  content: row.content,
  tool_calls: row.toolCalls,
  created_at: row.createdAt.toISOString(),
});
