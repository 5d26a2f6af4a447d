import type { ListedTask } from "@taskflow/contracts/mcp-tools";
import { lists, tasks } from "@taskflow/db/schema";
import { sql } from "drizzle-orm";
import { dueOnWire, effectiveDue } from "./due";
import { recurrenceText } from "./task-dto";

/**
 * What the MCP tools show of a task (`list_tasks`, `get_overview`): no description and no bookkeeping
 * timestamps, so the database neither sends nor converts them. `effectiveDue` is for ordering.
 */
export const SUMMARY_COLUMNS = {
  effectiveDue: sql<Date | null>`${effectiveDue}`,
  allDay: tasks.allDay,
  id: tasks.id,
  title: tasks.title,
  completed: tasks.completed,
  priority: tasks.priority,
  tags: tasks.tags,
  dueAt: tasks.dueAt,
  completedAt: tasks.completedAt,
  recurrence: tasks.recurrence,
  remindAt: tasks.remindAt,
  /** The name of the task's list, or null (the Inbox). */
  list: sql<string | null>`(select ${lists.name} from ${lists} where ${lists.id} = ${tasks.listId})`,
};

type SummaryRow = Pick<
  typeof tasks.$inferSelect,
  | "allDay"
  | "id"
  | "title"
  | "completed"
  | "priority"
  | "tags"
  | "dueAt"
  | "completedAt"
  | "recurrence"
  | "remindAt"
> & { list: string | null };

export function toSummary(row: SummaryRow): ListedTask {
  return {
    id: row.id,
    title: row.title,
    completed: row.completed,
    priority: row.priority,
    tags: row.tags,
    due_at: dueOnWire(row),
    completed_at: row.completedAt ? row.completedAt.toISOString() : null,
    recurrence_text: recurrenceText(row.recurrence),
    remind_at: row.remindAt ? row.remindAt.toISOString() : null,
    list: row.list,
  };
}
