import type { Db } from "@taskflow/db/client";
import { messages, type StoredToolCall } from "@taskflow/db/schema";
import { desc, eq } from "drizzle-orm";
import { findOwnedConversation } from "./find-owned-conversation";

/** A stored message as the agent reads it: its text, the tool calls it made, and whether the turn failed. */
export interface HistoryMessage {
  role: "user" | "assistant";
  content: string;
  toolCalls: StoredToolCall[];
  failed: boolean;
}

/**
 * The last `limit` messages with their tool calls, oldest first: the context a chat turn is given (the
 * agent trims it further to the model's token budget).
 */
export async function loadHistory(
  db: Db,
  userId: string,
  conversationId: number,
  limit = 60,
): Promise<HistoryMessage[]> {
  await findOwnedConversation(db, userId, conversationId);
  const rows = await db
    .select({
      role: messages.role,
      content: messages.content,
      toolCalls: messages.toolCalls,
      failure: messages.failure,
    })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.id))
    .limit(limit);
  return rows.reverse().map((r) => ({
    role: r.role,
    content: r.content,
    toolCalls: r.toolCalls ?? [],
    failed: r.failure !== null,
  }));
}
