// importData writes a checked plan in one transaction: a failure at any task leaves nothing behind (the
// lists it made included), and the caller owns everything it writes.
import { lists, tasks, user } from "@taskflow/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importData } from "./import-data";
import { planImport } from "./plan-import";

describe.each(engines)("importData on %s", (engine) => {
  let t: TestDatabase;
  const ann = "user-ann";

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const now = new Date();
    await t.database.db
      .insert(user)
      .values({ id: ann, name: "Ann", email: "ann@example.com", createdAt: now, updatedAt: now });
  });
  afterAll(() => t.dispose());

  const counts = async () => ({
    lists: (await t.database.db.select().from(lists).where(eq(lists.userId, ann))).length,
    tasks: (await t.database.db.select().from(tasks).where(eq(tasks.userId, ann))).length,
  });

  it("rolls everything back when the database refuses a task in the middle", async () => {
    const db = t.database.db;
    const plan = await planImport(db, ann, {
      format: "json",
      body: {
        version: 1,
        lists: [{ id: 1, name: "Work" }],
        tasks: [{ title: "one", list_id: 1 }, { title: "two" }, { title: "three" }],
      },
    });
    // A value the checks would never let through, so only the database can refuse it (after the list
    // and the first task are written inside the transaction).
    const broken = {
      ...plan,
      tasks: plan.tasks.map((task, index) =>
        index === 1 ? { ...task, input: { ...task.input, priority: "urgent" as "high" } } : task,
      ),
    };
    await expect(importData(db, ann, broken)).rejects.toThrow();
    expect(await counts()).toEqual({ lists: 0, tasks: 0 });

    expect(await importData(db, ann, plan)).toEqual({ imported: { lists: 1, tasks: 3 } });
    expect(await counts()).toEqual({ lists: 1, tasks: 3 });
  });

  it("writes a file larger than one insert statement whole and in file order", async () => {
    const db = t.database.db;
    const titles = Array.from({ length: 260 }, (_, index) => `bulk ${index}`);
    const plan = await planImport(db, ann, {
      format: "json",
      body: { version: 1, lists: [], tasks: titles.map((title) => ({ title, due: "2026-12-01T09:00" })) },
    });
    expect(await importData(db, ann, plan)).toEqual({ imported: { lists: 0, tasks: 260 } });
    const rows = await db.select().from(tasks).where(eq(tasks.userId, ann)).orderBy(tasks.id);
    expect(rows.filter((row) => row.title.startsWith("bulk ")).map((row) => row.title)).toEqual(titles);
    // A wall time is read in the user's zone (UTC here) by the same SQL as a task made over REST.
    expect(rows.at(-1)?.dueAt).toEqual(new Date("2026-12-01T09:00:00Z"));
  });

  it("keeps completed, completed_at and created_at, and marks a past reminder as shown", async () => {
    const db = t.database.db;
    const plan = await planImport(db, ann, {
      format: "json",
      body: {
        version: 1,
        lists: [],
        tasks: [
          {
            title: "old and done",
            completed: true,
            completed_at: "2024-05-01T10:00:00.000Z",
            created_at: "2024-04-01T08:00:00.000Z",
            remind_at: "2024-04-30T09:00:00.000Z",
          },
          {
            title: "open, reminder ahead",
            remind_at: "2099-01-01T09:00:00Z",
            completed_at: "2024-05-01T10:00:00Z",
          },
        ],
      },
    });
    expect(plan.warnings).toEqual([]);
    await importData(db, ann, plan);
    const rows = await db.select().from(tasks).where(eq(tasks.userId, ann));
    const old = rows.find((row) => row.title === "old and done");
    const ahead = rows.find((row) => row.title === "open, reminder ahead");
    expect(old).toMatchObject({
      completed: true,
      completedAt: new Date("2024-05-01T10:00:00Z"),
      createdAt: new Date("2024-04-01T08:00:00Z"),
      remindedAt: expect.any(Date),
      reminderDeliveredAt: expect.any(Date),
    });
    // An open task's completed_at is not kept; a reminder still ahead is left to fire.
    expect(ahead).toMatchObject({
      completed: false,
      completedAt: null,
      remindedAt: null,
      reminderDeliveredAt: null,
    });
  });
});
