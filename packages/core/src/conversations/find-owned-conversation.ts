import type { Db } from "@taskflow/db/client";
import { type ConversationRow, conversations } from "@taskflow/db/schema";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";

/** The user's conversation, or a 404 (another user's conversation is as missing as one that never was). */
export async function findOwnedConversation(
  db: Db,
  userId: string,
  conversationId: number,
): Promise<ConversationRow> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .limit(1);
  if (!row) throw notFound(`Conversation ${conversationId}`);
  return row;
}
