import type { Conversation, ConversationDetail } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import {
  type ConversationRow,
  conversations,
  type MessageRow,
  messages,
  type StoredToolCall,
} from "@taskflow/db/schema";
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import { conflict, notFound } from "../errors";

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
export async function startConversation(
  db: Db,
  userId: string,
  firstMessage: string,
  clientTurnId?: string,
): Promise<number> {
  const title = firstMessage.length > 60 ? `${firstMessage.slice(0, 57)}…` : firstMessage;
  const result = await db.execute(sql`
    with started as (
      insert into ${conversations} (user_id, title) values (${userId}, ${title}) returning id
    ), first_message as (
      insert into ${messages} (conversation_id, role, content, client_turn_id)
      select id, 'user', ${firstMessage}::text, ${clientTurnId ?? null}::varchar from started
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

export const MESSAGE_PAGE_DEFAULT = 50;
export const MESSAGE_PAGE_MAX = 200;

/**
 * A conversation with one page of its messages: the newest `limit` before the message `before` (the
 * newest overall without it), oldest first within the page. `next_before` is the cursor of the page of
 * older messages, null when there are none, so a long conversation is never sent whole.
 */
export async function getConversation(
  db: Db,
  userId: string,
  conversationId: number,
  page: { before?: number | undefined; limit?: number | undefined } = {},
): Promise<ConversationDetail> {
  const row = await findOwned(db, userId, conversationId);
  const limit = Math.min(Math.max(page.limit ?? MESSAGE_PAGE_DEFAULT, 1), MESSAGE_PAGE_MAX);
  const rows = await db
    .select()
    .from(messages)
    .where(
      page.before === undefined
        ? eq(messages.conversationId, row.id)
        : and(eq(messages.conversationId, row.id), lt(messages.id, page.before)),
    )
    .orderBy(desc(messages.id))
    .limit(limit + 1);
  const hasOlder = rows.length > limit;
  const pageRows = rows.slice(0, limit).reverse();
  return {
    ...toConversation(row),
    messages: pageRows.map(toMessage),
    next_before: hasOlder ? (pageRows[0]?.id ?? null) : null,
  };
}

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
  await findOwned(db, userId, conversationId);
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
