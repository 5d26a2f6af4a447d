import type { Db } from "@taskflow/db/client";
import { conversations } from "@taskflow/db/schema";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";

export async function deleteConversation(db: Db, userId: string, conversationId: number): Promise<void> {
  const deleted = await db
    .delete(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  if (deleted.length === 0) throw notFound(`Conversation ${conversationId}`);
}
