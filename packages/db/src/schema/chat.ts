import { MESSAGE_ROLES } from "@taskflow/contracts/enums";
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { user } from "./auth";

export const messageRole = pgEnum("message_role", MESSAGE_ROLES);

export const conversations = pgTable(
  "conversations",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 200 }).notNull().default("New chat"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("conversations_user_id_updated_at_idx").on(t.userId, t.updatedAt)],
);

export interface StoredToolCall {
  tool: string;
  arguments: Record<string, unknown>;
  result: unknown;
  is_error?: boolean;
}

export const messages = pgTable(
  "messages",
  {
    id: serial("id").primaryKey(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    role: messageRole("role").notNull(),
    content: text("content").notNull(),
    toolCalls: jsonb("tool_calls").$type<StoredToolCall[]>().notNull().default([]),
    // The client's id for the turn (POST /api/chat client_turn_id), on its user message and its reply,
    // so a retried request finds the stored turn instead of running it (and its tool calls) twice.
    clientTurnId: varchar("client_turn_id", { length: 100 }),
    // Set on the assistant message stored for a turn that failed: why (the agent's failure code).
    failure: varchar("failure", { length: 40 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_conversation_id_id_idx").on(t.conversationId, t.id),
    uniqueIndex("messages_conversation_id_client_turn_id_role_idx").on(
      t.conversationId,
      t.clientTurnId,
      t.role,
    ),
    index("messages_client_turn_id_idx").on(t.clientTurnId),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
