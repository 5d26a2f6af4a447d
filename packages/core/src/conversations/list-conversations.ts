import type { Conversation } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { conversations } from "@taskflow/db/schema";
import { desc, eq } from "drizzle-orm";
import { toConversation } from "./conversation-dto";

export async function listConversations(db: Db, userId: string, limit = 50): Promise<Conversation[]> {
  const rows = await db
    .select()
    .from(conversations)
    .where(eq(conversations.userId, userId))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit);
  return rows.map(toConversation);
}
