import { TASK_PRIORITIES } from "@taskflow/contracts/enums";
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { lists } from "./lists";

export const taskPriority = pgEnum("task_priority", TASK_PRIORITIES);

export const tasks = pgTable(
  "tasks",
  {
    id: serial("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 200 }).notNull(),
    description: varchar("description", { length: 2000 }).notNull().default(""),
    completed: boolean("completed").notNull().default(false),
    priority: taskPriority("priority").notNull().default("none"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /**
     * An instant; for an all-day task, midnight UTC of its calendar day (the day is the same for every
     * viewer, whatever their zone).
     */
    dueAt: timestamp("due_at", { withTimezone: true }),
    allDay: boolean("all_day").notNull().default(false),
    /** An RFC 5545 RRULE value in canonical form (`FREQ=WEEKLY;BYDAY=MO`), or null; the series starts at the due. */
    recurrence: text("recurrence"),
    /** How many times a recurring task was completed (each completion moves its due to the next occurrence). */
    completedCount: integer("completed_count").notNull().default(0),
    /** When to remind the user (an instant), or null. */
    remindAt: timestamp("remind_at", { withTimezone: true }),
    /**
     * When an api replica claimed this task's reminder (the one atomic claim per remind_at; a database
     * trigger clears it when remind_at changes). See docs/events.md.
     */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    /** When the claimed reminder was written to one of the user's open event streams; null: not yet shown. */
    reminderDeliveredAt: timestamp("reminder_delivered_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the task is moved to the trash; such a task is in no list or count until restored. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** The list the task is in; null: the Inbox. Deleting the list moves its tasks to the Inbox. */
    listId: integer("list_id").references(() => lists.id, { onDelete: "set null" }),
  },
  (t) => [
    index("tasks_user_id_id_idx").on(t.userId, t.id),
    index("tasks_user_id_completed_idx").on(t.userId, t.completed),
    index("tasks_user_id_due_at_idx").on(t.userId, t.dueAt),
    index("tasks_tags_idx").using("gin", t.tags),
    index("tasks_remind_at_idx").on(t.remindAt).where(sql`${t.remindAt} is not null`),
    // The reminders still to claim (what every replica polls), and those claimed but not yet shown.
    index("tasks_reminder_pending_idx")
      .on(t.remindAt)
      .where(sql`${t.remindAt} is not null and ${t.remindedAt} is null`),
    index("tasks_reminder_undelivered_idx")
      .on(t.userId)
      .where(sql`${t.remindedAt} is not null and ${t.reminderDeliveredAt} is null`),
    index("tasks_list_id_idx").on(t.listId),
    index("tasks_user_id_deleted_at_idx").on(t.userId, t.deletedAt).where(sql`${t.deletedAt} is not null`),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;
