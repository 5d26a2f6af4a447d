import { index, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { user } from "./auth";

/** Personal tokens for outside MCP clients. Only a SHA-256 hash of the token is stored. */
export const personalTokens = pgTable(
  "personal_tokens",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 100 }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters of the token, shown in the list so a user can tell tokens apart. */
    prefix: varchar("prefix", { length: 16 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** Null: the token works until revoked. Past it, /mcp refuses the token. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("personal_tokens_user_id_idx").on(t.userId)],
);

export type PersonalTokenRow = typeof personalTokens.$inferSelect;
