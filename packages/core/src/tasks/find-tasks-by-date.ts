import type { TasksByDate } from "@taskflow/contracts/mcp-tools";
import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { invalid } from "../errors";
import { parseDay } from "../recurrence/zoned-time";
import { effectiveDue, userZone } from "./due";
import { prepared } from "./prepared";
import { userTimeZone } from "./repeat";
import { SUMMARY_COLUMNS, toSummary } from "./task-summary";
import { notInTrash } from "./trash";

export interface FindTasksByDateOptions {
  /** First day, `YYYY-MM-DD` (inclusive), in the user's zone. */
  from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  to: string;
  status: "all" | "pending" | "completed";
  limit: number;
}

const p = sql.placeholder;

/**
 * "What's due between X and Y": the tasks due on the calendar days `from`…`to` (both inclusive) in the
 * user's zone, soonest first. A timed task counts on the day its instant falls on there; an all-day task
 * on its own day.
 */
export async function findTasksByDate(
  db: Db,
  userId: string,
  options: FindTasksByDateOptions,
): Promise<TasksByDate> {
  parseDay("from", options.from);
  parseDay("to", options.to);
  if (options.to < options.from) throw invalid("to", `must be on or after from (${options.from})`);
  const [rows, timeZone] = await Promise.all([
    statement(db, options.status).execute({
      userId,
      from: options.from,
      to: options.to,
      limit: options.limit,
    }),
    userTimeZone(db, userId),
  ]);
  return { time_zone: timeZone, from: options.from, to: options.to, tasks: rows.map(toSummary) };
}

const statement = (db: Db, status: FindTasksByDateOptions["status"]) =>
  prepared(db, `task_by_date_${status}`, (name) => {
    const filters: (SQL | undefined)[] = [
      eq(tasks.userId, p("userId")),
      notInTrash,
      sql`${effectiveDue} >= (${p("from")}::date)::timestamp at time zone ${userZone}`,
      sql`${effectiveDue} < ((${p("to")}::date) + 1)::timestamp at time zone ${userZone}`,
    ];
    if (status !== "all") filters.push(eq(tasks.completed, status === "completed"));
    return db
      .select(SUMMARY_COLUMNS)
      .from(tasks)
      .where(and(...filters))
      .orderBy(sql`${effectiveDue} asc`, sql`${tasks.id} asc`)
      .limit(p("limit"))
      .prepare(name);
  });
