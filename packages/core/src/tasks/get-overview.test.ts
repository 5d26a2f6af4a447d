// The overview around midnight in two far-apart zones: Pacific/Kiritimati (UTC+14) and
// America/Los_Angeles (UTC-8 in January) see the same tasks in different days.
import { listTasksQuery } from "@taskflow/contracts";
import { tasks, user } from "@taskflow/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTask, deleteTask, getOverview, listTasks, updateTask } from "./index";

describe.each(engines)("getOverview on %s", (engine) => {
  let t: TestDatabase;
  const la = "overview-la";
  const kiritimati = "overview-ki";
  const ids: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const db = t.database.db;
    await db.insert(user).values([
      { id: la, name: "LA", email: "la@example.com", timeZone: "America/Los_Angeles" },
      { id: kiritimati, name: "KI", email: "ki@example.com", timeZone: "Pacific/Kiritimati" },
    ]);
    // The same tasks for both users; instants are given with Z so both store the same moments.
    for (const userId of [la, kiritimati]) {
      const make = async (title: string, due?: string) =>
        (
          await createTask(db, userId, {
            title,
            ...(due
              ? { due_at: due.includes("T") ? { kind: "instant", value: due } : { kind: "day", value: due } }
              : {}),
          })
        ).id;
      const created = {
        jan15: await make("All day Jan 15", "2030-01-15"),
        jan16: await make("All day Jan 16", "2030-01-16"),
        at0900: await make("At 09:00Z Jan 15", "2030-01-15T09:00:00.000Z"),
        at1200: await make("At 12:00Z Jan 15", "2030-01-15T12:00:00.000Z"),
        undated: await make("No due date"),
        done: await make("Done at 09:15Z", "2030-01-10"),
        trashed: await make("Trashed", "2030-01-15"),
      };
      await updateTask(db, userId, created.done, { completed: true });
      await db
        .update(tasks)
        .set({ completedAt: new Date("2030-01-15T09:15:00Z") })
        .where(eq(tasks.id, created.done));
      await deleteTask(db, userId, created.trashed);
      ids[userId] = created;
    }
    // A third user's overdue task must not reach either overview.
    await db.insert(user).values({ id: "overview-other", name: "O", email: "o@example.com" });
    await createTask(db, "overview-other", {
      title: "Other's",
      due_at: { kind: "day", value: "2020-01-01" },
    });
  });
  afterAll(() => t.dispose());

  const overview = (userId: string, now: string) =>
    getOverview(t.database.db, userId, { now: new Date(now) });
  const idsOf = (list: { id: number }[]) => list.map((task) => task.id);

  it("at 09:30Z it is 01:30 on Jan 15 in Los Angeles and 23:30 on Jan 15 in Kiritimati", async () => {
    const mine = ids[la] ?? {};
    const theirs = ids[kiritimati] ?? {};
    const inLa = await overview(la, "2030-01-15T09:30:00Z");
    expect(inLa).toMatchObject({
      time_zone: "America/Los_Angeles",
      today: "2030-01-15",
      now: "2030-01-15T09:30:00.000Z",
    });
    expect(inLa.counts).toEqual({
      open: 5,
      completed: 1,
      completed_today: 1,
      overdue: 1,
      due_today: 2,
      in_trash: 1,
    });
    expect(idsOf(inLa.overdue)).toEqual([mine.at0900]);
    expect(idsOf(inLa.due_today)).toEqual([mine.at1200, mine.jan15]);
    expect(idsOf(inLa.next_up)).toEqual([mine.jan16]);

    const inKi = await overview(kiritimati, "2030-01-15T09:30:00Z");
    expect(inKi).toMatchObject({ time_zone: "Pacific/Kiritimati", today: "2030-01-15" });
    expect(inKi.counts).toEqual({
      open: 5,
      completed: 1,
      completed_today: 1,
      overdue: 1,
      due_today: 1,
      in_trash: 1,
    });
    expect(idsOf(inKi.overdue)).toEqual([theirs.at0900]);
    expect(idsOf(inKi.due_today)).toEqual([theirs.jan15]);
    // 12:00Z is already Jan 16 in Kiritimati.
    expect(idsOf(inKi.next_up)).toEqual([theirs.at1200, theirs.jan16]);
    expect(inKi.due_today[0]).toEqual({
      id: theirs.jan15,
      title: "All day Jan 15",
      completed: false,
      priority: "none",
      tags: [],
      due_at: "2030-01-15",
      completed_at: null,
      recurrence_text: null,
      remind_at: null,
      list: null,
    });
  });

  it("an hour later Kiritimati has passed midnight: Jan 15 is overdue there, still today in Los Angeles", async () => {
    const mine = ids[la] ?? {};
    const theirs = ids[kiritimati] ?? {};
    const inLa = await overview(la, "2030-01-15T10:30:00Z");
    expect(inLa.today).toBe("2030-01-15");
    expect(inLa.counts).toMatchObject({ overdue: 1, due_today: 2, completed_today: 1 });
    expect(idsOf(inLa.due_today)).toEqual([mine.at1200, mine.jan15]);

    const inKi = await overview(kiritimati, "2030-01-15T10:30:00Z");
    expect(inKi.today).toBe("2030-01-16");
    // Completed at 09:15Z, which was yesterday (Jan 15) in Kiritimati.
    expect(inKi.counts).toEqual({
      open: 5,
      completed: 1,
      completed_today: 0,
      overdue: 2,
      due_today: 2,
      in_trash: 1,
    });
    expect(idsOf(inKi.overdue)).toEqual([theirs.at0900, theirs.jan15]);
    expect(idsOf(inKi.due_today)).toEqual([theirs.at1200, theirs.jan16]);
    expect(inKi.next_up).toEqual([]);
  });

  it("lists at most the limits given, while the counts stay exact", async () => {
    const limited = await getOverview(t.database.db, la, {
      now: new Date("2030-01-15T09:30:00Z"),
      listLimit: 1,
      nextUpLimit: 0,
    });
    expect(limited.counts.due_today).toBe(2);
    expect(limited.due_today).toHaveLength(1);
    expect(limited.next_up).toEqual([]);
  });

  it("counts as many open tasks as the task list shows", async () => {
    const listed = await listTasks(
      t.database.db,
      la,
      listTasksQuery.parse({ status: "pending", limit: 100 }),
    );
    const inLa = await overview(la, "2030-01-15T09:30:00Z");
    expect(inLa.counts.open).toBe(listed.items.length);
  });
});
