import { listTasksQuery } from "@taskflow/contracts";
import { lists, tasks, user } from "@taskflow/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTasks } from "./list-tasks";
import { toTask } from "./task-dto";

// The listing reads timestamps as ISO text from SQL and maps rows with `wireToTask`; every other use case
// reads `Date`s and maps with `toTask`. Both must give the same wire text for the same row.
describe.each(engines)("the listing's wire mapping on %s", (engine) => {
  let t: TestDatabase;
  const owner = "user-wire";

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const now = new Date();
    await t.database.db
      .insert(user)
      .values({ id: owner, name: "Wire", email: "wire@example.com", createdAt: now, updatedAt: now });
  });
  afterAll(() => t.dispose());

  it("gives toTask's text for every field, microseconds and far years included", async () => {
    const db = t.database.db;
    const [list] = await db.insert(lists).values({ userId: owner, name: "Errands" }).returning();
    // Microsecond timestamps (truncated to milliseconds on the wire, like a Date), an all-day due, a
    // due past year 9999 (a repeating task can step there), a trashed task, every null.
    const values = [
      sql`timestamptz '2026-11-30 15:20:59.999999+00'`,
      sql`timestamptz '2026-03-01 00:00:00+00'`,
      sql`timestamptz '1900-01-01 00:00:00.0005+00'`,
      sql`timestamptz '10000-01-02 03:04:05.678+00'`,
    ];
    for (const [i, at] of values.entries()) {
      await db.insert(tasks).values({
        userId: owner,
        title: `Task ${i} "quoted" \u00e9`,
        description: i % 2 ? "" : "line\nbreak",
        priority: (["none", "low", "medium", "high"] as const)[i],
        tags: i % 2 ? [] : ["a", "b"],
        dueAt: at as unknown as Date,
        allDay: i === 1,
        recurrence: i === 0 ? "FREQ=WEEKLY;BYDAY=MO" : null,
        completed: i === 2,
        completedAt: i === 2 ? (at as unknown as Date) : null,
        remindAt: i === 3 ? (at as unknown as Date) : null,
        createdAt: at as unknown as Date,
        updatedAt: at as unknown as Date,
        listId: i === 0 ? (list?.id ?? null) : null,
      });
    }
    await db.insert(tasks).values({
      userId: owner,
      title: "Plain",
      dueAt: null,
    });
    const rows = await db.select().from(tasks).where(eq(tasks.userId, owner)).orderBy(asc(tasks.id));
    const expected = rows.map(toTask).reverse();
    const listed = await listTasks(db, owner, listTasksQuery.parse({ status: "all", limit: 100 }));
    expect(JSON.stringify(listed.items)).toBe(JSON.stringify(expected));
    expect(listed.items[0]?.due_at).toBeNull();
    expect(listed.items.find((task) => task.title.startsWith("Task 3"))?.due_at).toBe(
      "+010000-01-02T03:04:05.678Z",
    );

    // The trash listing reads deleted_at the same way.
    const first = rows[0];
    if (!first) throw new Error("no row");
    await db
      .update(tasks)
      .set({ deletedAt: sql`now()` as unknown as Date })
      .where(eq(tasks.id, first.id));
    const [trashed] = await db.select().from(tasks).where(eq(tasks.id, first.id));
    const inTrash = await listTasks(db, owner, listTasksQuery.parse({ status: "deleted" }));
    expect(JSON.stringify(inTrash.items)).toBe(JSON.stringify([toTask(trashed as typeof first)]));

    // The due order reads its cursor from the row as before: pages join up without gaps or repeats.
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTasks(
        db,
        owner,
        listTasksQuery.parse({ status: "all", sort: "due", limit: 2, ...(cursor ? { cursor } : {}) }),
      );
      seen.push(...page.items.map((task) => task.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect([...seen].sort((a, b) => a - b)).toEqual(
      rows
        .slice(1)
        .map((row) => row.id)
        .sort((a, b) => a - b),
    );
  });
});
