// The bulk use cases are all or nothing: a failure at any item rolls back the items before it.
import { tasks, user } from "@taskflow/db/schema";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeTasks, createTask, createTasks, getTask, updateTasks } from "./index";

describe.each(engines)("bulk task use cases on %s", (engine) => {
  let t: TestDatabase;
  const alice = "bulk-alice";
  const bob = "bulk-bob";
  const titles = async (userId: string) =>
    (await t.database.db.select({ title: tasks.title }).from(tasks).where(eq(tasks.userId, userId)))
      .map((row) => row.title)
      .sort();

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await t.database.db.insert(user).values([
      { id: alice, name: "Alice", email: "bulk-alice@example.com", timeZone: "Asia/Tokyo" },
      { id: bob, name: "Bob", email: "bulk-bob@example.com" },
    ]);
  });
  afterAll(() => t.dispose());

  it("createTasks creates all, in order, with dates read in the user's zone", async () => {
    const created = await createTasks(t.database.db, alice, [
      { title: "One" },
      { title: "Two", due_at: { kind: "wall", value: "2030-05-01T09:00:00" }, tags: ["x"] },
      { title: "Three", due_at: { kind: "day", value: "2030-05-02" }, priority: "high" },
    ]);
    expect(created.map((task) => task.title)).toEqual(["One", "Two", "Three"]);
    expect(created[1]).toMatchObject({ due_at: "2030-05-01T00:00:00.000Z", tags: ["x"], all_day: false });
    expect(created[2]).toMatchObject({ due_at: "2030-05-02", all_day: true, priority: "high" });
    for (const task of created) expect(await getTask(t.database.db, alice, task.id)).toEqual(task);
  });

  it("createTasks writes nothing when the database refuses the third item", async () => {
    const before = await titles(alice);
    // 201 characters: the contracts refuse it first; here the column does, after two inserts ran.
    const batch = [{ title: "Rolled back 1" }, { title: "Rolled back 2" }, { title: "x".repeat(201) }];
    await expect(createTasks(t.database.db, alice, batch)).rejects.toThrow();
    expect(await titles(alice)).toEqual(before);
    // The connection is usable afterwards (the transaction was closed, not left open).
    expect((await createTasks(t.database.db, alice, [{ title: "After" }]))[0]?.title).toBe("After");
  });

  it("completeTasks completes all, or none when an item is not the user's, naming the item", async () => {
    const [a, b] = await createTasks(t.database.db, alice, [{ title: "Done A" }, { title: "Done B" }]);
    const bobs = await createTask(t.database.db, bob, { title: "Bob's" });
    if (!a || !b) throw new Error("not created");
    const refused = completeTasks(t.database.db, alice, [a.id, b.id, bobs.id]);
    await expect(refused).rejects.toMatchObject({
      code: "not_found",
      message: `item 3: Task ${bobs.id} not found`,
      fieldErrors: [{ field: "2.task_id" }],
    });
    expect((await getTask(t.database.db, alice, a.id)).completed).toBe(false);
    expect((await getTask(t.database.db, bob, bobs.id)).completed).toBe(false);

    const done = await completeTasks(t.database.db, alice, [a.id, b.id, a.id]);
    expect(done.map((task) => [task.id, task.completed])).toEqual([
      [a.id, true],
      [b.id, true],
      [a.id, true],
    ]);
    // Completing again keeps the first completion time.
    const again = await completeTasks(t.database.db, alice, [a.id]);
    expect(again[0]?.completed_at).toBe(done[0]?.completed_at);
  });

  it("updateTasks applies every change or none, and refuses a task named twice", async () => {
    const [a, b] = await createTasks(t.database.db, alice, [{ title: "Up A" }, { title: "Up B" }]);
    if (!a || !b) throw new Error("not created");
    await expect(
      updateTasks(t.database.db, alice, [
        { taskId: a.id, changes: { title: "Up A2" } },
        { taskId: b.id, changes: { priority: "low", due_at: { kind: "day", value: "2030-01-01" } } },
        { taskId: 2_000_000_000, changes: { completed: true } },
      ]),
    ).rejects.toMatchObject({ code: "not_found", message: "item 3: Task 2000000000 not found" });
    expect((await getTask(t.database.db, alice, a.id)).title).toBe("Up A");
    expect((await getTask(t.database.db, alice, b.id)).priority).toBe("none");

    await expect(
      updateTasks(t.database.db, alice, [
        { taskId: a.id, changes: { title: "x" } },
        { taskId: a.id, changes: { title: "y" } },
      ]),
    ).rejects.toMatchObject({
      code: "validation",
      message: expect.stringMatching(/^item 2: task_id repeats task \d+ \(item 1\)/),
    });

    const updated = await updateTasks(t.database.db, alice, [
      { taskId: a.id, changes: { title: "Up A2", tags: ["t"] } },
      { taskId: b.id, changes: { due_at: { kind: "day", value: "2030-01-01" }, completed: true } },
    ]);
    expect(updated.map((task) => [task.title, task.tags, task.due_at, task.completed])).toEqual([
      ["Up A2", ["t"], null, false],
      ["Up B", [], "2030-01-01", true],
    ]);
  });

  it("refuses an empty batch and one over the limit", async () => {
    await expect(createTasks(t.database.db, alice, [])).rejects.toMatchObject({ code: "validation" });
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ title: `n${i}` }));
    await expect(createTasks(t.database.db, alice, tooMany)).rejects.toMatchObject({ code: "validation" });
    await expect(completeTasks(t.database.db, alice, [])).rejects.toMatchObject({ code: "validation" });
  });
});
