// Lists (contract "Lists"): GET/POST /api/lists, PATCH/DELETE /api/lists/{id}, the task field list_id and
// GET /api/tasks?list=<id>|inbox. Names are unique per user whatever their case; counts are open tasks
// only; deleting a list moves its tasks to the Inbox; another user's list is a 404 everywhere.
import type { List, ListList, Task, TaskList } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Api, createList, createTask } from "./board-helpers";
import { openEvents } from "./events-helpers";

describe.each(engines)("lists on %s", (engine) => {
  let stack: TestStack;
  let a: Api;
  let b: Api;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    a = client(stack.apiUrl, (await stack.signUp("Alice")).headers);
    b = client(stack.apiUrl, (await stack.signUp("Bob")).headers);
  });
  afterAll(() => stack?.close());

  const lists = async (api: Api) => {
    const res = await api.get<ListList>("/api/lists");
    expect(res.status, res.text).toBe(200);
    return res.body.items;
  };
  const taskIds = async (api: Api, query: string) => {
    const res = await api.get<TaskList>(`/api/tasks?limit=100&${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body.items.map((t) => t.id).sort((x, y) => x - y);
  };

  it("creates a list (201, trimmed, empty), lists it, and its tasks carry list_id", async () => {
    const work = await createList(a, "  Work  ");
    expect(work).toEqual({ id: expect.any(Number), name: "Work", task_count: 0 });
    const task = await createTask(a, { title: "Write report", list_id: work.id });
    expect(task.list_id).toBe(work.id);
    const loose = await createTask(a, { title: "Loose end" });
    expect(loose.list_id).toBeNull();
    expect((await a.get<Task>(`/api/tasks/${task.id}`)).body.list_id).toBe(work.id);
    expect((await lists(a)).find((l) => l.id === work.id)).toEqual({ ...work, task_count: 1 });
  });

  it("filters tasks by list and by the Inbox (tasks in no list)", async () => {
    const home = await createList(a, "Home");
    const errands = await createList(a, "Errands");
    const paint = await createTask(a, { title: "Paint fence", list_id: home.id });
    const milk = await createTask(a, { title: "Buy milk", list_id: errands.id });
    const inbox = await createTask(a, { title: "Call mum" });
    expect(await taskIds(a, `list=${home.id}`)).toEqual([paint.id]);
    expect(await taskIds(a, `list=${errands.id}`)).toEqual([milk.id]);
    const inInbox = await taskIds(a, "list=inbox");
    expect(inInbox).toContain(inbox.id);
    expect(inInbox).not.toContain(paint.id);
    expect(inInbox).not.toContain(milk.id);
    // Moving a task between lists (PATCH) and out of them (null).
    const moved = await a.patch<Task>(`/api/tasks/${milk.id}`, { json: { list_id: home.id } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.list_id).toBe(home.id);
    expect(await taskIds(a, `list=${home.id}`)).toEqual([paint.id, milk.id]);
    const out = await a.patch<Task>(`/api/tasks/${milk.id}`, { json: { list_id: null } });
    expect(out.body.list_id).toBeNull();
    expect(await taskIds(a, "list=inbox")).toContain(milk.id);
    // PUT replaces the task: without list_id it goes back to the Inbox.
    const put = await a.put<Task>(`/api/tasks/${paint.id}`, { json: { title: "Paint fence" } });
    expect(put.body.list_id).toBeNull();
    expectProblem(await a.get("/api/tasks?list=someday"), 400, ["list"]);
  });

  it("counts only open tasks: completed and trashed ones are not counted", async () => {
    const garden = await createList(a, "Garden");
    await createTask(a, { title: "Mow" });
    const open = await createTask(a, { title: "Weed", list_id: garden.id });
    const done = await createTask(a, { title: "Plant", list_id: garden.id });
    const trashed = await createTask(a, { title: "Prune", list_id: garden.id });
    await createTask(a, { title: "Water", list_id: garden.id });
    expect((await a.patch(`/api/tasks/${done.id}`, { json: { completed: true } })).status).toBe(200);
    expect((await a.delete(`/api/tasks/${trashed.id}`)).status).toBe(204);
    expect((await lists(a)).find((l) => l.id === garden.id)?.task_count).toBe(2);
    expect((await a.patch(`/api/tasks/${open.id}`, { json: { completed: true } })).status).toBe(200);
    expect((await lists(a)).find((l) => l.id === garden.id)?.task_count).toBe(1);
  });

  it("refuses a duplicate name whatever its case (409), on create and on rename", async () => {
    const books = await createList(a, "Books");
    expectProblem(await a.post("/api/lists", { json: { name: "books" } }), 409);
    expectProblem(await a.post("/api/lists", { json: { name: " BOOKS " } }), 409);
    const films = await createList(a, "Films");
    expectProblem(await a.patch(`/api/lists/${films.id}`, { json: { name: "bOOks" } }), 409);
    expect((await lists(a)).filter((l) => l.name.toLowerCase() === "books")).toEqual([books]);
    // Another user may have a list of the same name.
    expect((await createList(b, "Books")).name).toBe("Books");
  });

  it("renames a list (a change of case alone included); its tasks stay in it", async () => {
    const list = await createList(a, "Shoping");
    const task = await createTask(a, { title: "Bread", list_id: list.id });
    const renamed = await a.patch<List>(`/api/lists/${list.id}`, { json: { name: "Shopping" } });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toEqual({ id: list.id, name: "Shopping", task_count: 1 });
    const recased = await a.patch<List>(`/api/lists/${list.id}`, { json: { name: "shopping" } });
    expect(recased.body.name).toBe("shopping");
    expect((await a.get<Task>(`/api/tasks/${task.id}`)).body.list_id).toBe(list.id);
  });

  it("deleting a list moves its tasks (open, done and trashed) to the Inbox", async () => {
    const trip = await createList(a, "Trip");
    const keep = await createList(a, "Keep");
    const pack = await createTask(a, { title: "Pack", list_id: trip.id });
    const booked = await createTask(a, { title: "Book hotel", list_id: trip.id });
    await a.patch(`/api/tasks/${booked.id}`, { json: { completed: true } });
    const dropped = await createTask(a, { title: "Visa", list_id: trip.id });
    await a.delete(`/api/tasks/${dropped.id}`);
    const other = await createTask(a, { title: "Stay", list_id: keep.id });
    expect((await a.delete(`/api/lists/${trip.id}`)).status).toBe(204);
    expect((await lists(a)).map((l) => l.id)).not.toContain(trip.id);
    expect((await a.get<Task>(`/api/tasks/${pack.id}`)).body.list_id).toBeNull();
    expect((await a.get<Task>(`/api/tasks/${booked.id}`)).body.list_id).toBeNull();
    expect((await a.get<Task>(`/api/tasks/${other.id}`)).body.list_id).toBe(keep.id);
    const inbox = await taskIds(a, "list=inbox&status=all");
    expect(inbox).toEqual(expect.arrayContaining([pack.id, booked.id]));
    const trash = await a.get<TaskList>("/api/tasks?status=deleted&limit=100");
    expect(trash.body.items.find((t) => t.id === dropped.id)?.list_id).toBeNull();
    expectProblem(await a.delete(`/api/lists/${trip.id}`), 404);
    expectProblem(await a.get(`/api/tasks?list=${trip.id}`), 404);
  });

  it("keeps users apart: another user's list is a 404 and never listed, filtered or used", async () => {
    const secret = await createList(a, "Secret");
    const task = await createTask(a, { title: "Hidden", list_id: secret.id });
    expect((await lists(b)).map((l) => l.id)).not.toContain(secret.id);
    expectProblem(await b.patch(`/api/lists/${secret.id}`, { json: { name: "Mine" } }), 404);
    expectProblem(await b.delete(`/api/lists/${secret.id}`), 404);
    expectProblem(await b.get(`/api/tasks?list=${secret.id}`), 404);
    expectProblem(await b.post("/api/tasks", { json: { title: "Sneak", list_id: secret.id } }), 404);
    const bobs = await createTask(b, { title: "Bob's" });
    expectProblem(await b.patch(`/api/tasks/${bobs.id}`, { json: { list_id: secret.id } }), 404);
    expectProblem(await b.put(`/api/tasks/${bobs.id}`, { json: { title: "x", list_id: secret.id } }), 404);
    // Nothing changed: Alice's list and task as they were, Bob's task still in his Inbox.
    expect((await lists(a)).find((l) => l.id === secret.id)).toEqual({ ...secret, task_count: 1 });
    expect((await a.get<Task>(`/api/tasks/${task.id}`)).body.list_id).toBe(secret.id);
    expect((await b.get<Task>(`/api/tasks/${bobs.id}`)).body).toMatchObject({
      title: "Bob's",
      list_id: null,
    });
    expect(await taskIds(b, "list=inbox")).toEqual([bobs.id]);
    // A list id that exists for no one is the same 404.
    expectProblem(await a.post("/api/tasks", { json: { title: "x", list_id: 2_000_000_000 } }), 404);
  });

  it("refuses a bad name or list_id with a 400 naming the field, and writes nothing", async () => {
    const before = await lists(a);
    for (const name of ["", "   ", "x".repeat(61), "a\u0000b", "Inbox", 42]) {
      expectProblem(await a.post("/api/lists", { json: { name } }), 400, ["name"]);
    }
    expectProblem(await a.post("/api/lists", { json: {} }), 400, ["name"]);
    expectProblem(await a.post("/api/lists", { json: { name: "Ok", colour: "red" } }), 400);
    const list = before[0] ?? (await createList(a, "Fallback"));
    expectProblem(await a.patch(`/api/lists/${list.id}`, { json: { name: "" } }), 400, ["name"]);
    expect(await lists(a)).toEqual(before.length ? before : [list]);
    expect((await createList(a, "y".repeat(60))).name).toHaveLength(60);
    for (const list_id of ["1", 0, -3, 1.5, true]) {
      expectProblem(await a.post("/api/tasks", { json: { title: "Bad list", list_id } }), 400, ["list_id"]);
    }
    expect((await a.get<TaskList>("/api/tasks?q=Bad%20list")).body.items).toEqual([]);
  });

  it("moving a task between lists, and deleting its list, are task.updated events", async () => {
    const user = await stack.signUp("Eve");
    const eve = client(stack.apiUrl, user.headers);
    const from = await createList(eve, "From");
    const to = await createList(eve, "To");
    const task = await createTask(eve, { title: "Mover", list_id: from.id });
    const reader = await openEvents(stack.apiUrl, user.headers);
    try {
      expect(reader.status).toBe(200);
      await eve.patch(`/api/tasks/${task.id}`, { json: { list_id: to.id } });
      const moved = await reader.waitFor("moved", (e) => e.event === "task.updated", 3000);
      expect(moved.data.task).toMatchObject({ id: task.id, list_id: to.id });
      expect((await eve.delete(`/api/lists/${to.id}`)).status).toBe(204);
      const emptied = await reader.waitFor(
        "back in the Inbox",
        (e) => e.event === "task.updated" && e.data.task?.list_id === null,
        3000,
      );
      expect(emptied.data.task?.id).toBe(task.id);
    } finally {
      reader.close();
    }
  });

  it("documents the list routes in the OpenAPI document", async () => {
    const res = await a.get<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths["/api/lists"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(res.body.paths["/api/lists/{id}"] ?? {}).sort()).toEqual(["delete", "patch"]);
  });
});
