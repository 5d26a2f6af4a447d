import { listTasksQuery } from "@taskflow/contracts";
import { user } from "@taskflow/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createTask, deleteTask, getTask, listTasks, toggleTask, updateTask } from "./index";

describe.each(engines)("task use cases on %s", (engine) => {
  let t: TestDatabase;
  const alice = "user-alice";
  const bob = "user-bob";
  const list = (userId: string, query: Record<string, unknown> = {}) =>
    listTasks(t.database.db, userId, listTasksQuery.parse(query));

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const now = new Date();
    await t.database.db.insert(user).values([
      { id: alice, name: "Alice", email: "alice@example.com", createdAt: now, updatedAt: now },
      { id: bob, name: "Bob", email: "bob@example.com", createdAt: now, updatedAt: now },
    ]);
  });
  afterAll(() => t.dispose());

  it("creates with defaults and reads back", async () => {
    const task = await createTask(t.database.db, alice, { title: "Buy milk" });
    expect(task).toMatchObject({
      title: "Buy milk",
      description: "",
      completed: false,
      priority: "none",
      tags: [],
    });
    expect(await getTask(t.database.db, alice, task.id)).toEqual(task);
  });

  it("hides one user's tasks from another on every use case", async () => {
    const task = await createTask(t.database.db, alice, { title: "Private" });
    const db = t.database.db;
    for (const attempt of [
      () => getTask(db, bob, task.id),
      () => updateTask(db, bob, task.id, { title: "x" }),
      () => toggleTask(db, bob, task.id),
      () => deleteTask(db, bob, task.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await list(bob)).items.map((x) => x.title)).not.toContain("Private");
    expect((await getTask(db, alice, task.id)).title).toBe("Private");
  });

  it("toggles and records completion time", async () => {
    const task = await createTask(t.database.db, alice, { title: "Toggle me" });
    const done = await toggleTask(t.database.db, alice, task.id);
    expect(done.completed).toBe(true);
    expect(done.completed_at).not.toBeNull();
    const undone = await toggleTask(t.database.db, alice, task.id);
    expect(undone).toMatchObject({ completed: false, completed_at: null });
  });

  it("updates only given fields and clears the due date with null", async () => {
    const task = await createTask(t.database.db, alice, {
      title: "Dentist",
      tags: ["health"],
      due_at: { kind: "instant", value: "2026-03-01T00:00:00.000Z" },
    });
    const updated = await updateTask(t.database.db, alice, task.id, { priority: "high", due_at: null });
    expect(updated).toMatchObject({ title: "Dentist", tags: ["health"], priority: "high", due_at: null });
  });

  it("filters, searches, sorts and paginates", async () => {
    const db = t.database.db;
    const carol = "user-carol";
    const now = new Date();
    await db
      .insert(user)
      .values({ id: carol, name: "Carol", email: "carol@example.com", createdAt: now, updatedAt: now });
    const a = await createTask(db, carol, {
      title: "alpha report",
      priority: "low",
      tags: ["work"],
      due_at: { kind: "day", value: "2026-01-10" },
    });
    const b = await createTask(db, carol, {
      title: "Beta invoice",
      description: "send 50% now",
      priority: "high",
      due_at: { kind: "instant", value: "2026-01-05T00:00:00.000Z" },
    });
    const c = await createTask(db, carol, { title: "gamma", priority: "medium", tags: ["work", "home"] });
    await toggleTask(db, carol, c.id);

    expect((await list(carol, { status: "pending" })).items.map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await list(carol, { status: "completed" })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await list(carol, { tag: "work", sort: "created" })).items.map((x) => x.id)).toEqual([
      a.id,
      c.id,
    ]);
    expect((await list(carol, { priority: "high" })).items.map((x) => x.id)).toEqual([b.id]);
    expect((await list(carol, { q: "INVOICE" })).items.map((x) => x.id)).toEqual([b.id]);
    expect((await list(carol, { q: "50%" })).items.map((x) => x.id)).toEqual([b.id]);
    expect((await list(carol, { q: "%" })).items.map((x) => x.id)).toEqual([b.id]);
    expect((await list(carol, { sort: "due" })).items.map((x) => x.id)).toEqual([b.id, a.id, c.id]);
    expect((await list(carol, { sort: "-due" })).items.map((x) => x.id)).toEqual([c.id, a.id, b.id]);
    expect((await list(carol, { sort: "priority" })).items.map((x) => x.id)).toEqual([b.id, c.id, a.id]);
    expect((await list(carol, { sort: "-priority" })).items.map((x) => x.id)).toEqual([a.id, c.id, b.id]);
    expect((await list(carol, { sort: "title" })).items.map((x) => x.id)).toEqual([a.id, b.id, c.id]);
    expect((await list(carol, { due_before: "2026-01-07" })).items.map((x) => x.id)).toEqual([b.id]);
    expect((await list(carol, { due_after: "2026-01-07" })).items.map((x) => x.id)).toEqual([a.id]);

    for (const sort of ["created", "-created", "due", "-due", "priority", "-priority", "title", "-title"]) {
      const all = (await list(carol, { sort })).items.map((x) => x.id);
      const paged: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(carol, { sort, limit: 1, ...(cursor ? { cursor } : {}) });
        paged.push(...page.items.map((x) => x.id));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(paged, sort).toEqual(all);
    }
  });

  it("rejects a forged cursor as a validation error", async () => {
    await expect(list(alice, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(AppError);
  });
});
