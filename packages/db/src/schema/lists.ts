import { sql } from "drizzle-orm";
import { index, pgTable, serial, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { user } from "./auth";

/** A user's lists (projects). A task is in at most one list; a task in none is in the Inbox. */
export const lists = pgTable(
  "lists",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: varchar("name", { length: 60 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A user's list names are unique whatever their case ("Work" and "work" are the same list).
    uniqueIndex("lists_user_id_lower_name_idx").on(t.userId, sql`lower(${t.name})`),
    index("lists_user_id_id_idx").on(t.userId, t.id),
  ],
);

export type ListRow = typeof lists.$inferSelect;
