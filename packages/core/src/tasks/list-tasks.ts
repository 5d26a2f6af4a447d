import type { ListTasksOptions, TaskList, TaskSort } from "@taskflow/contracts";
import { TASK_PRIORITIES, type TaskPriority } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import { invalid } from "../errors";
import { checkOwnLists } from "../lists/own-lists";
import { boundInstant, dateParams, effectiveDue } from "./due";
import { type CursorValue, decodeCursor, encodeCursor } from "./list-cursor";
import { prepared } from "./prepared";
import { WIRE_COLUMNS, type WireRow, wireToTask } from "./task-dto";
import { SUMMARY_COLUMNS, toSummary } from "./task-summary";
import { inTrash, notInTrash } from "./trash";

/**
 * A listed row: the task's wire columns and, for the `due` order only, when it is due for this user
 * (all-day tasks: the end of their day), for the cursor.
 */
type ListedRow = WireRow & { effectiveDue?: string | Date | null };

interface SortKey {
  expression: SQL;
  descending: boolean;
  valueOf(row: ListedRow): CursorValue;
  /** SQL type the cursor value is cast to, and the check that a decoded value fits it. */
  cast: SQL;
  accept(value: CursorValue): string | number | undefined;
  /** The cursor needs `effectiveDue` from the row. */
  readsDue?: boolean;
}

const priorityRank = sql`(case ${tasks.priority} when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end)`;
const rankOf = (priority: string) => TASK_PRIORITIES.indexOf(priority as TaskPriority);
const dueOrInfinity = sql`coalesce(${effectiveDue}, 'infinity'::timestamptz)`;
const asInt = (v: CursorValue) =>
  typeof v === "number" && Number.isSafeInteger(v) && Math.abs(v) <= 2_147_483_647 ? v : undefined;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const asInstant = (v: CursorValue) =>
  // Round-tripping rejects rollovers such as Feb 31 that Date.parse accepts but PostgreSQL refuses.
  v === "infinity" ||
  (typeof v === "string" &&
    ISO_INSTANT.test(v) &&
    !Number.isNaN(Date.parse(v)) &&
    new Date(v).toISOString() === v)
    ? v
    : undefined;

// `due` puts tasks without a due date last; `priority` puts the most important first.
const SORT_KEYS: Record<string, Omit<SortKey, "descending"> & { naturallyDescending?: boolean }> = {
  created: { expression: sql`${tasks.id}`, valueOf: (r) => r.id, cast: sql`int`, accept: asInt },
  due: {
    expression: dueOrInfinity,
    valueOf: (r) => (r.effectiveDue ? new Date(r.effectiveDue).toISOString() : "infinity"),
    cast: sql`timestamptz`,
    accept: asInstant,
    readsDue: true,
  },
  priority: {
    expression: priorityRank,
    naturallyDescending: true,
    valueOf: (r) => rankOf(r.priority),
    cast: sql`int`,
    accept: asInt,
  },
  title: {
    expression: sql`lower(${tasks.title})`,
    valueOf: (r) => r.title.toLowerCase(),
    cast: sql`text`,
    accept: (v) => (typeof v === "string" ? v : undefined),
  },
};

function sortKey(sort: TaskSort): SortKey {
  const reversed = sort.startsWith("-");
  const key = SORT_KEYS[reversed ? sort.slice(1) : sort];
  if (!key) throw invalid("sort", `must be one of created, due, priority, title (optionally with '-')`);
  return { ...key, descending: reversed !== Boolean(key.naturallyDescending) };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One shape of query (sort, status, which filters, cursor or not); the values travel as parameters. */
function shapeOf(options: ListTasksOptions): string {
  return [
    options.sort,
    options.status,
    options.priority ? "p" : "",
    options.tag ? "t" : "",
    options.q ? "q" : "",
    options.due_before ? "b" : "",
    options.due_after ? "a" : "",
    options.cursor ? "c" : "",
    options.list === undefined ? "" : options.list === "inbox" ? "i" : "l",
  ].join("_");
}

function whereAndOrder(key: SortKey, options: ListTasksOptions) {
  const p = sql.placeholder;
  const filters: (SQL | undefined)[] = [eq(tasks.userId, p("userId"))];
  if (options.status === "deleted") filters.push(inTrash);
  else {
    filters.push(notInTrash);
    if (options.status !== "all") filters.push(eq(tasks.completed, options.status === "completed"));
  }
  if (options.priority) filters.push(sql`${tasks.priority} = ${p("priority")}`);
  if (options.tag) filters.push(sql`${tasks.tags} @> array[${p("tag")}]::text[]`);
  if (options.q)
    filters.push(
      or(ilike(tasks.title, sql`${p("pattern")}`), ilike(tasks.description, sql`${p("pattern")}`)),
    );
  // Bounds and all-day tasks are read in the user's zone: "before 2026-12-01" is before that day starts there.
  if (options.due_before) filters.push(sql`${effectiveDue} < ${boundInstant("dueBefore")}`);
  if (options.due_after) filters.push(sql`${effectiveDue} > ${boundInstant("dueAfter")}`);
  if (options.list === "inbox") filters.push(isNull(tasks.listId));
  else if (options.list !== undefined) filters.push(sql`${tasks.listId} = ${p("listId")}::int`);
  if (options.cursor) {
    const comparison = key.descending ? sql`<` : sql`>`;
    filters.push(
      sql`(${key.expression}, ${tasks.id}) ${comparison} (${p("cursorValue")}::${key.cast}, ${p("cursorId")}::int)`,
    );
  }
  const direction = key.descending ? sql`desc` : sql`asc`;
  return {
    where: and(...filters),
    order: [sql`${key.expression} ${direction}`, sql`${tasks.id} ${direction}`],
  };
}

/**
 * The prepared statement for one shape of query: at most a few hundred shapes, each built and planned
 * once (per database handle).
 */
const fullStatement = (db: Db, key: SortKey, options: ListTasksOptions) =>
  prepared(db, `task_list_${shapeOf(options)}`, (name) => {
    const { where, order } = whereAndOrder(key, options);
    return db
      .select(
        key.readsDue ? { ...WIRE_COLUMNS, effectiveDue: sql<string | null>`${effectiveDue}` } : WIRE_COLUMNS,
      )
      .from(tasks)
      .where(where)
      .orderBy(...order)
      .limit(sql.placeholder("limit"))
      .prepare(name);
  });

/** How many tasks one shape of filters matches (the cursor and sort play no part). */
const countStatement = (db: Db, key: SortKey, options: ListTasksOptions) =>
  prepared(db, `task_count_${shapeOf({ ...options, cursor: undefined })}`, (name) => {
    const { where } = whereAndOrder(key, { ...options, cursor: undefined });
    return db.select({ total: sql<number>`count(*)::int` }).from(tasks).where(where).prepare(name);
  });

const summaryStatement = (db: Db, key: SortKey, options: ListTasksOptions) =>
  prepared(db, `task_summaries_${shapeOf(options)}`, (name) => {
    const { where, order } = whereAndOrder(key, options);
    return db
      .select(SUMMARY_COLUMNS)
      .from(tasks)
      .where(where)
      .orderBy(...order)
      .limit(sql.placeholder("limit"))
      .prepare(name);
  });

/** The statement's parameters, with the cursor checked against the sort order before it reaches SQL. */
function listParams(userId: string, key: SortKey, options: ListTasksOptions) {
  let cursorValue: string | number | undefined;
  let cursorId: number | undefined;
  if (options.cursor) {
    const cursor = decodeCursor(options.cursor);
    cursorValue = key.accept(cursor.value);
    cursorId = asInt(cursor.id);
    // A cursor of another sort order (or a forged one) must not reach the database as a bad cast.
    if (cursorValue === undefined || cursorId === undefined)
      throw invalid("cursor", "does not belong to this sort order");
  }
  return {
    userId,
    priority: options.priority,
    tag: options.tag,
    pattern: options.q ? `%${escapeLike(options.q)}%` : undefined,
    ...dateParams("dueBefore", options.due_before),
    ...dateParams("dueAfter", options.due_after),
    cursorValue,
    cursorId,
    listId: typeof options.list === "number" ? options.list : undefined,
    limit: options.limit + 1,
  };
}

/** Lists one user's tasks with filters, a stable sort and keyset pagination. */
export async function listTasks(db: Db, userId: string, options: ListTasksOptions): Promise<TaskList> {
  // Another user's list is not found (a 404), not an empty listing.
  if (typeof options.list === "number") await checkOwnLists(db, userId, [options.list], "list");
  const key = sortKey(options.sort);
  const params = listParams(userId, key, options);
  const [rows, counted] = await Promise.all([
    fullStatement(db, key, options).execute(params),
    options.with_total ? countStatement(db, key, options).execute(params) : undefined,
  ]);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor(key.valueOf(last), last.id) : null;
  const list: TaskList = { items: page.map(wireToTask), next_cursor: nextCursor };
  if (counted) list.total = counted[0]?.total ?? 0;
  return list;
}

/**
 * The same listing as `listTasks` (first page), reading only the fields the MCP `list_tasks` tool shows:
 * the description and three timestamps are neither sent by the database nor converted.
 */
export async function listTaskSummaries(db: Db, userId: string, options: ListTasksOptions) {
  const key = sortKey(options.sort);
  const rows = await summaryStatement(db, key, options).execute(listParams(userId, key, options));
  return rows.slice(0, options.limit).map(toSummary);
}
