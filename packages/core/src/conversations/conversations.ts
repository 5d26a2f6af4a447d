import type { Db } from "@taskflow/db/client";
import {
  type ConversationRow,
  conversations,
  type MessageRow,
  messages,
  type StoredToolCall,
} from "@taskflow/db/schema";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Conversation, ConversationDetail } from "../contracts/chat";
import { notFound } from "../errors";

const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  title: row.title,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

const toMessage = (row: MessageRow) => ({
  id: row.id,
  role: row.role,
  content: row.content,
  tool_calls: row.toolCalls,
  created_at: row.createdAt.toISOString(),
});

/** A new conversation titled after its first message, stored with that (user's) message in one statement. */
export async function startConversation(db: Db, userId: string, firstMessage: string): Promise<number> {
  const title = firstMessage.length > 60 ? `${firstMessage.slice(0, 57)}…` : firstMessage;
  const result = await db.execute(sql`
    with started as (
      insert into ${conversations} (user_id, title) values (${userId}, ${title}) returning id
    ), first_message as (
      insert into ${messages} (conversation_id, role, content) select id, 'user', ${firstMessage}::text from started
    )
    select id from started`);
  const id = Number(rowsOf(result)[0]?.id);
  if (!Number.isInteger(id)) throw new Error("insert returned no row");
  return id;
}

/** Rows of `db.execute`, which node-postgres returns in a result object and PGlite as rows or a result. */
const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);

export async function listConversations(db: Db, userId: string, limit = 50): Promise<Conversation[]> {
  const rows = await db
    .select()
    .from(conversations)
    .where(eq(conversations.userId, userId))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit);
  return rows.map(toConversation);
}

async function findOwned(db: Db, userId: string, conversationId: number): Promise<ConversationRow> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .limit(1);
  if (!row) throw notFound(`Conversation ${conversationId}`);
  return row;
}

export async function getConversation(
  db: Db,
  userId: string,
  conversationId: number,
): Promise<ConversationDetail> {
  const row = await findOwned(db, userId, conversationId);
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, row.id))
    .orderBy(asc(messages.id));
  return { ...toConversation(row), messages: rows.map(toMessage) };
}

/** The last `limit` messages, oldest first: the context a chat turn is given. */
export async function loadHistory(
  db: Db,
  userId: string,
  conversationId: number,
  limit = 20,
): Promise<{ role: "user" | "assistant"; content: string }[]> {
  await findOwned(db, userId, conversationId);
  const rows = await db
    .select({ role: messages.role, content: messages.content })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(desc(messages.id))
    .limit(limit);
  return rows.reverse();
}

export async function deleteConversation(db: Db, userId: string, conversationId: number): Promise<void> {
  const deleted = await db
    .delete(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  if (deleted.length === 0) throw notFound(`Conversation ${conversationId}`);
}

/**
 * Stores a message in one statement: the conversation must be the user's, its updated_at moves, and the
 * message is inserted, all or nothing (one round trip instead of three on every chat turn).
 */
export async function appendMessage(
  db: Db,
  userId: string,
  conversationId: number,
  message: { role: "user" | "assistant"; content: string; toolCalls?: StoredToolCall[] },
): Promise<void> {
  const rows = await db.execute(sql`
    with owned as (
      update ${conversations} set updated_at = now()
      where ${conversations.id} = ${conversationId} and ${conversations.userId} = ${userId}
      returning ${conversations.id}
    )
    insert into ${messages} (conversation_id, role, content, tool_calls)
    select owned.id, ${message.role}::message_role, ${message.content}::text, ${JSON.stringify(message.toolCalls ?? [])}::jsonb from owned
    returning id`);
  if (rowsOf(rows).length === 0) throw notFound(`Conversation ${conversationId}`);
}
