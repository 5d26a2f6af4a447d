import type { Overview } from "@taskflow/contracts/mcp-tools";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { effectiveDue, userZone } from "./due";
import { prepared } from "./prepared";
import { SUMMARY_COLUMNS, toSummary } from "./task-summary";
import { inTrash, notInTrash } from "./trash";

const p = sql.placeholder;
// "Today" is the calendar day of `now` in the user's zone; its end is the next local midnight (DST-safe:
// the day is added to the local date, then converted back).
const now = sql`${p("now")}::timestamptz`;
const localToday = sql`(${now} at time zone ${userZone})::date`;
const startOfToday = sql`(${localToday})::timestamp at time zone ${userZone}`;
const startOfTomorrow = sql`(${localToday} + 1)::timestamp at time zone ${userZone}`;

const open = and(eq(tasks.userId, p("userId")), notInTrash, eq(tasks.completed, false));
const count = (condition: SQL | undefined) => sql<number>`(count(*) filter (where ${condition}))::int`;

const countsStatement = (db: Db) =>
  prepared(db, "task_overview_counts", (name) =>
    db
      .select({
        time_zone: sql<string>`${userZone}`,
        today: sql<string>`(${localToday})::text`,
        open: count(and(notInTrash, eq(tasks.completed, false))),
        completed: count(and(notInTrash, eq(tasks.completed, true))),
        completed_today: count(
          and(notInTrash, eq(tasks.completed, true), sql`${tasks.completedAt} >= ${startOfToday}`),
        ),
        overdue: count(and(notInTrash, eq(tasks.completed, false), sql`${effectiveDue} < ${now}`)),
        due_today: count(
          and(
            notInTrash,
            eq(tasks.completed, false),
            sql`${effectiveDue} >= ${now} and ${effectiveDue} < ${startOfTomorrow}`,
          ),
        ),
        in_trash: count(inTrash),
      })
      .from(tasks)
      .where(eq(tasks.userId, p("userId")))
      .prepare(name),
  );

/** Open tasks due in one window (all-day tasks by the end of their day), soonest first. */
const windowStatement = (db: Db, window: "overdue" | "today" | "later") =>
  prepared(db, `task_overview_${window}`, (name) => {
    const bounds = {
      overdue: sql`${effectiveDue} < ${now}`,
      today: sql`${effectiveDue} >= ${now} and ${effectiveDue} < ${startOfTomorrow}`,
      later: sql`${effectiveDue} >= ${startOfTomorrow}`,
    }[window];
    return db
      .select(SUMMARY_COLUMNS)
      .from(tasks)
      .where(and(open, bounds))
      .orderBy(sql`${effectiveDue} asc`, tasks.id)
      .limit(p("limit"))
      .prepare(name);
  });

export interface OverviewOptions {
  /** The moment to compute "today" and "overdue" at (tests); default now. */
  now?: Date;
  /** How many overdue and due-today tasks to list (the counts are always exact). */
  listLimit?: number;
  /** How many upcoming tasks `next_up` lists. */
  nextUpLimit?: number;
}

/**
 * How the user is doing: counts by state, the overdue tasks, what is due today and what comes next,
 * with "today" and "overdue" in the user's time zone.
 */
export async function getOverview(db: Db, userId: string, options: OverviewOptions = {}): Promise<Overview> {
  const at = options.now ?? new Date();
  const listLimit = options.listLimit ?? 20;
  const params = { userId, now: at.toISOString() };
  const [[counts], overdue, dueToday, nextUp] = await Promise.all([
    countsStatement(db).execute(params),
    windowStatement(db, "overdue").execute({ ...params, limit: listLimit }),
    windowStatement(db, "today").execute({ ...params, limit: listLimit }),
    windowStatement(db, "later").execute({ ...params, limit: options.nextUpLimit ?? 5 }),
  ]);
  if (!counts) throw new Error("the overview count returned no row");
  const { time_zone, today, ...rest } = counts;
  return {
    time_zone: time_zone ?? "UTC",
    today,
    now: at.toISOString(),
    counts: rest,
    overdue: overdue.map(toSummary),
    due_today: dueToday.map(toSummary),
    next_up: nextUp.map(toSummary),
  };
}
