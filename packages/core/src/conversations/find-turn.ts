import type { Db } from "@taskflow/db/client";
import { conversations, messages, type StoredToolCall } from "@taskflow/db/schema";
import { and, asc, eq } from "drizzle-orm";

/** A turn the client named with its `client_turn_id`, and the assistant message that ended it, if any. */
export interface StoredTurn {
  conversationId: number;
  message: string;
  startedAt: Date;
  reply?: { content: string; toolCalls: StoredToolCall[]; failure: string | null };
}

/** The user's turn stored under `clientTurnId` (in any of their conversations), or undefined. */
export async function findTurn(
  db: Db,
  userId: string,
  clientTurnId: string,
): Promise<StoredTurn | undefined> {
  const [turn] = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      content: messages.content,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(
      and(
        eq(messages.clientTurnId, clientTurnId),
        eq(messages.role, "user"),
        eq(conversations.userId, userId),
      ),
    )
    .orderBy(asc(messages.id))
    .limit(1);
  if (!turn) return undefined;
  // The reply carries the same turn id, so turns running side by side in one conversation cannot be mixed up.
  const [next] = await db
    .select({
      role: messages.role,
      content: messages.content,
      toolCalls: messages.toolCalls,
      failure: messages.failure,
    })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, turn.conversationId),
        eq(messages.clientTurnId, clientTurnId),
        eq(messages.role, "assistant"),
      ),
    )
    .limit(1);
  return {
    conversationId: turn.conversationId,
    message: turn.content,
    startedAt: turn.createdAt,
    ...(next
      ? { reply: { content: next.content, toolCalls: next.toolCalls ?? [], failure: next.failure } }
      : {}),
  };
}
