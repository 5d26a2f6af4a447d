// Trash and undo (contract "Trash and undo"): DELETE moves a task to the trash, where it is in no list,
// count or read; `status=deleted` lists the trash; restore brings it back unchanged; the trash keeps a
// task 30 days, then the sweeper removes it for good. Isolation holds for every trash route.
import type { Task, TaskList } from "@taskflow/contracts";
import { purgeTrash } from "@taskflow/core/tasks";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(engines)("the trash on %s", (engine) => {
  let stack: TestStack;
  let a: ReturnType<typeof client>;
  let b: ReturnType<typeof client>;
  let bobId: string;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    const alice = await stack.signUp("Alice");
    const bob = await stack.signUp("Bob");
    bobId = bob.id;
    a = client(stack.apiUrl, alice.headers);
    b = client(stack.apiUrl, bob.headers);
  });
  afterAll(() => stack?.close());

  const create = async (api: ReturnType<typeof client>, body: Record<string, unknown>) => {
    const res = await api.post<Task>("/api/tasks", { json: body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const ids = async (api: ReturnType<typeof client>, query: string) => {
    const res = await api.get<TaskList>(`/api/tasks?limit=100&${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body.items.map((t) => t.id);
  };

  it("DELETE moves a task to the trash: out of every status and filter, listed by status=deleted", async () => {
    const task = await create(a, {
      title: "Buy paint",
      tags: ["home"],
      priority: "high",
      due_at: "2027-01-05",
    });
    const done = await create(a, { title: "Paid rent", tags: ["home"] });
    await a.patch(`/api/tasks/${done.id}/complete`);
    expect((await a.delete(`/api/tasks/${task.id}`)).status).toBe(204);
    expect((await a.delete(`/api/tasks/${done.id}`)).status).toBe(204);
    for (const query of [
      "status=all",
      "status=pending",
      "status=completed",
      "tag=home",
      "priority=high",
      "q=paint",
      "sort=due",
    ]) {
      const listed = await ids(a, query);
      expect(listed, query).not.toContain(task.id);
      expect(listed, query).not.toContain(done.id);
    }
    const trash = await a.get<TaskList>("/api/tasks?status=deleted");
    const inTrash = trash.body.items.find((t) => t.id === task.id);
    expect(inTrash?.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(trash.body.items.map((t) => t.id)).toContain(done.id);
    // Filters still apply inside the trash.
    expect(await ids(a, "status=deleted&q=paint")).toEqual([task.id]);
  });

  it("a task in the trash cannot be read or changed, only restored", async () => {
    const task = await create(a, { title: "Trashed" });
    await a.delete(`/api/tasks/${task.id}`);
    expectProblem(await a.get(`/api/tasks/${task.id}`), 404);
    expectProblem(await a.patch(`/api/tasks/${task.id}`, { json: { title: "zombie" } }), 404);
    expectProblem(await a.put(`/api/tasks/${task.id}`, { json: { title: "zombie" } }), 404);
    expectProblem(await a.patch(`/api/tasks/${task.id}/complete`), 404);
    expectProblem(await a.delete(`/api/tasks/${task.id}`), 404);
    const trash = await a.get<TaskList>("/api/tasks?status=deleted");
    expect(trash.body.items.find((t) => t.id === task.id)?.title).toBe("Trashed");
  });

  it("restore brings the task back exactly as it was, and it leaves the trash", async () => {
    const task = await create(a, {
      title: "Dentist",
      tags: ["health"],
      priority: "medium",
      due_at: "2027-02-01T09:30:00Z",
    });
    await a.patch(`/api/tasks/${task.id}/complete`);
    await a.delete(`/api/tasks/${task.id}`);
    const restored = await a.post<Task>(`/api/tasks/${task.id}/restore`);
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body).toMatchObject({
      id: task.id,
      title: "Dentist",
      tags: ["health"],
      priority: "medium",
      completed: true,
      due_at: "2027-02-01T09:30:00.000Z",
      deleted_at: null,
    });
    expect(await ids(a, "status=completed")).toContain(task.id);
    expect(await ids(a, "status=deleted")).not.toContain(task.id);
  });

  it("restoring a task that is not in the trash is a 409 that changes nothing; a missing one is a 404", async () => {
    const task = await create(a, { title: "Alive" });
    const res = await a.post(`/api/tasks/${task.id}/restore`);
    expectProblem(res, 409);
    expect(JSON.stringify(res.body)).toMatch(/not in the trash/);
    const after = await a.get<Task>(`/api/tasks/${task.id}`);
    expect(after.body.updated_at).toBe(task.updated_at);
    expectProblem(await a.post("/api/tasks/2147483647/restore"), 404);
    expectProblem(await a.post("/api/tasks/abc/restore"), 400);
  });

  it("another user's trash is invisible: not listed, not restorable (404, as if missing)", async () => {
    const secret = await create(a, { title: "Alice's secret" });
    await a.delete(`/api/tasks/${secret.id}`);
    expect(await ids(b, "status=deleted")).not.toContain(secret.id);
    expectProblem(await b.post(`/api/tasks/${secret.id}/restore`), 404);
    expectProblem(await b.post(`/api/${bobId}/tasks/${secret.id}/restore`), 404);
    expect(await ids(a, "status=deleted")).toContain(secret.id);
  });

  it("restores through the hackathon path too, and refuses another user's path", async () => {
    const task = await create(b, { title: "Bob's" });
    await b.delete(`/api/${bobId}/tasks/${task.id}`);
    expectProblem(await a.post(`/api/${bobId}/tasks/${task.id}/restore`), 403);
    expect((await b.post(`/api/${bobId}/tasks/${task.id}/restore`)).status).toBe(200);
  });

  it("keeps a deleted task 30 days: older trash is neither listed nor restorable, and the sweep removes it", async () => {
    const old = await create(a, { title: "Deleted long ago" });
    const recent = await create(a, { title: "Deleted 29 days ago" });
    await a.delete(`/api/tasks/${old.id}`);
    await a.delete(`/api/tasks/${recent.id}`);
    const { database } = stack.db;
    await database.execute(
      "update tasks set deleted_at = now() - interval '30 days 1 minute' where id = $1",
      [old.id],
    );
    await database.execute("update tasks set deleted_at = now() - interval '29 days' where id = $1", [
      recent.id,
    ]);
    const trash = await ids(a, "status=deleted");
    expect(trash).not.toContain(old.id);
    expect(trash).toContain(recent.id);
    expectProblem(await a.post(`/api/tasks/${old.id}/restore`), 404);

    const live = await create(a, { title: "Not deleted" });
    expect(await purgeTrash(database.db)).toBeGreaterThanOrEqual(1);
    const left = await database.execute("select id from tasks where id = any($1::int[])", [
      [old.id, recent.id, live.id],
    ]);
    expect(left.map((r) => Number(r.id)).sort((x, y) => x - y)).toEqual(
      [recent.id, live.id].sort((x, y) => x - y),
    );
  });
});
