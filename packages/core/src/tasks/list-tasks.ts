import type { Db } from "@taskflow/db/client";
import { TASK_PRIORITIES, type TaskRow, tasks } from "@taskflow/db/schema";
import { type SQL, and, eq, gt, ilike, lt, or, sql } from "drizzle-orm";
import type { ListTasksOptions, TaskList, TaskSort } from "../contracts/tasks";
import { invalid } from "../errors";
import { type CursorValue, decodeCursor, encodeCursor } from "./list-cursor";
import { toTask } from "./task-dto";

interface SortKey {
  expression: SQL;
  descending: boolean;
  valueOf(row: TaskRow): CursorValue;
  /** Casts a cursor value back into SQL of the expression's type. */
  param(value: CursorValue): SQL;
}

const priorityRank = sql`(case ${tasks.priority} when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end)`;
const rankOf = (priority: string) => TASK_PRIORITIES.indexOf(priority as (typeof TASK_PRIORITIES)[number]);
const dueOrInfinity = sql`coalesce(${tasks.dueAt}, 'infinity'::timestamptz)`;

// `due` puts tasks without a due date last; `priority` puts the most important first.
const SORT_KEYS: Record<string, Omit<SortKey, "descending"> & { naturallyDescending?: boolean }> = {
  created: { expression: sql`${tasks.id}`, valueOf: (r) => r.id, param: (v) => sql`${Number(v)}::int` },
  due: {
    expression: dueOrInfinity,
    valueOf: (r) => (r.dueAt ? r.dueAt.toISOString() : "infinity"),
    param: (v) => sql`${String(v)}::timestamptz`,
  },
  priority: {
    expression: priorityRank,
    naturallyDescending: true,
    valueOf: (r) => rankOf(r.priority),
    param: (v) => sql`${Number(v)}::int`,
  },
  title: { expression: sql`lower(${tasks.title})`, valueOf: (r) => r.title.toLowerCase(), param: (v) => sql`${String(v)}` },
};

function sortKey(sort: TaskSort): SortKey {
  const reversed = sort.startsWith("-");
  const key = SORT_KEYS[reversed ? sort.slice(1) : sort];
  if (!key) throw invalid("sort", `must be one of created, due, priority, title (optionally with '-')`);
  return { ...key, descending: reversed !== Boolean(key.naturallyDescending) };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Lists one user's tasks with filters, a stable sort and keyset pagination. */
export async function listTasks(db: Db, userId: string, options: ListTasksOptions): Promise<TaskList> {
  const key = sortKey(options.sort);
  const filters: (SQL | undefined)[] = [eq(tasks.userId, userId)];
  if (options.status !== "all") filters.push(eq(tasks.completed, options.status === "completed"));
  if (options.priority) filters.push(eq(tasks.priority, options.priority));
  if (options.tag) filters.push(sql`${tasks.tags} @> array[${options.tag}]::text[]`);
  if (options.q) {
    const pattern = `%${escapeLike(options.q)}%`;
    filters.push(or(ilike(tasks.title, pattern), ilike(tasks.description, pattern)));
  }
  if (options.due_before) filters.push(lt(tasks.dueAt, options.due_before));
  if (options.due_after) filters.push(gt(tasks.dueAt, options.due_after));
  if (options.cursor) {
    const { value, id } = decodeCursor(options.cursor);
    const comparison = key.descending ? sql`<` : sql`>`;
    filters.push(sql`(${key.expression}, ${tasks.id}) ${comparison} (${key.param(value)}, ${id}::int)`);
  }
  const direction = key.descending ? sql`desc` : sql`asc`;
  const rows = await db
    .select()
    .from(tasks)
    .where(and(...filters))
    .orderBy(sql`${key.expression} ${direction}`, sql`${tasks.id} ${direction}`)
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor(key.valueOf(last), last.id) : null;
  return { items: page.map(toTask), next_cursor: nextCursor };
}
