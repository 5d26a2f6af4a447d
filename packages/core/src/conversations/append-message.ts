import type { Db } from "@taskflow/db/client";
import { conversations, messages, type StoredToolCall } from "@taskflow/db/schema";
import { sql } from "drizzle-orm";
import { conflict, notFound } from "../errors";
import { rowsOf } from "./rows-of";

/**
 * Stores a message in one statement: the conversation must be the user's, its updated_at moves, and the
 * message is inserted, all or nothing (one round trip instead of three on every chat turn).
 * A user message may carry the client's turn id: storing the same id twice in a conversation is refused
 * by a unique index (a concurrent retry), reported as a conflict.
 */
export async function appendMessage(
  db: Db,
  userId: string,
  conversationId: number,
  message: {
    role: "user" | "assistant";
    content: string;
    toolCalls?: StoredToolCall[];
    clientTurnId?: string | undefined;
    failure?: string | undefined;
  },
): Promise<void> {
  let rows: unknown;
  try {
    rows = await db.execute(sql`
    with owned as (
      update ${conversations} set updated_at = now()
      where ${conversations.id} = ${conversationId} and ${conversations.userId} = ${userId}
      returning ${conversations.id}
    )
    insert into ${messages} (conversation_id, role, content, tool_calls, client_turn_id, failure)
    select owned.id, ${message.role}::message_role, ${message.content}::text, ${JSON.stringify(message.toolCalls ?? [])}::jsonb,
      ${message.clientTurnId ?? null}::varchar, ${message.failure ?? null}::varchar from owned
    returning id`);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Turn ${message.clientTurnId} is already stored`);
    throw error;
  }
  if (rowsOf(rows).length === 0) throw notFound(`Conversation ${conversationId}`);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
}
