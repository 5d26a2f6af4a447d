// The task REST contract over real HTTP: every route, every list option, PUT vs PATCH, the
// hackathon `/api/{user_id}/…` paths, the exact wire shape, and isolation between users.

import type { Task, TaskList } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TASK_KEYS = [
  "all_day",
  "completed",
  "completed_at",
  "completed_count",
  "created_at",
  "deleted_at",
  "description",
  "due_at",
  "id",
  "list_id",
  "priority",
  "recurrence",
  "recurrence_text",
  "remind_at",
  "tags",
  "title",
  "updated_at",
];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SORTS = ["created", "-created", "due", "-due", "priority", "-priority", "title", "-title"] as const;
const RANK = { none: 0, low: 1, medium: 2, high: 3 } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The order the contract promises for each sort; ties fall back to the id in the same direction. */
function expectedOrder(tasks: Task[], sort: (typeof SORTS)[number]): number[] {
  const due = (t: Task) => (t.due_at ? Date.parse(t.due_at) : Number.POSITIVE_INFINITY);
  const byKey: Record<string, (a: Task, b: Task) => number> = {
    created: (a, b) => a.id - b.id,
    due: (a, b) => due(a) - due(b) || a.id - b.id,
    // `priority` means most important first.
    priority: (a, b) => RANK[b.priority] - RANK[a.priority] || b.id - a.id,
    title: (a, b) =>
      a.title.toLowerCase() < b.title.toLowerCase()
        ? -1
        : a.title.toLowerCase() > b.title.toLowerCase()
          ? 1
          : a.id - b.id,
  };
  const compare = byKey[sort.replace("-", "")] ?? byKey.created;
  if (!compare) throw new Error("no comparator");
  const sorted = [...tasks].sort(compare);
  return (sort.startsWith("-") ? sorted.reverse() : sorted).map((t) => t.id);
}

function expectTaskShape(task: Task) {
  expect(Object.keys(task).sort()).toEqual(TASK_KEYS);
  expect(task.id).toSatisfy(Number.isInteger);
  expect(typeof task.title).toBe("string");
  expect(typeof task.description).toBe("string");
  expect(typeof task.completed).toBe("boolean");
  expect(["none", "low", "medium", "high"]).toContain(task.priority);
  expect(Array.isArray(task.tags)).toBe(true);
  for (const key of ["created_at", "updated_at"] as const) expect(task[key]).toMatch(ISO);
  if (task.completed_at !== null) expect(task.completed_at).toMatch(ISO);
  // An all-day due is its calendar day; any other due is an instant.
  if (task.due_at !== null) expect(task.due_at).toMatch(task.all_day ? /^\d{4}-\d{2}-\d{2}$/ : ISO);
  expect(typeof task.all_day).toBe("boolean");
}

describe.each(engines)("task routes on %s", (engine) => {
  let stack: TestStack;
  let alice: TestUser;
  let bob: TestUser;
  let a: ReturnType<typeof client>;
  let b: ReturnType<typeof client>;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    alice = await stack.signUp("Alice");
    bob = await stack.signUp("Bob");
    a = client(stack.apiUrl, alice.headers);
    b = client(stack.apiUrl, bob.headers);
  });
  afterAll(() => stack?.close());

  const create = async (api: ReturnType<typeof client>, body: Record<string, unknown>, prefix = "/api") => {
    const res = await api.post<Task>(`${prefix}/tasks`, { json: body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const listAll = async (api: ReturnType<typeof client>, query = "") => {
    const res = await api.get<TaskList>(`/api/tasks?limit=100${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  it("creates a task with defaults and returns exactly the contract's snake_case shape", async () => {
    const res = await a.post<Task>("/api/tasks", { json: { title: "  Buy milk  " } });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expectTaskShape(res.body);
    expect(res.body).toMatchObject({
      title: "Buy milk",
      description: "",
      completed: false,
      priority: "none",
      tags: [],
      due_at: null,
      completed_at: null,
    });
    expect(res.body.updated_at).toBe(res.body.created_at);
    expect(Math.abs(Date.parse(res.body.created_at) - Date.now())).toBeLessThan(60_000);
  });

  it("creates with every field, normalising tags and dates, and reads it back unchanged", async () => {
    const task = await create(a, {
      title: "Dentist",
      description: "Bring the insurance card",
      priority: "high",
      tags: ["Health", "health", "errands"],
      due_at: "2026-03-01",
    });
    expect(task).toMatchObject({
      title: "Dentist",
      description: "Bring the insurance card",
      priority: "high",
      tags: ["health", "errands"],
      due_at: "2026-03-01",
      all_day: true,
    });
    const withOffset = await create(a, { title: "Call", due_at: "2026-03-01T09:30:00+02:00" });
    expect(withOffset).toMatchObject({ due_at: "2026-03-01T07:30:00.000Z", all_day: false });

    const read = await a.get<Task>(`/api/tasks/${task.id}`);
    expect(read.status).toBe(200);
    expectTaskShape(read.body);
    expect(read.body).toEqual(task);
  });

  it("PATCH changes only the fields given; null clears the due date; completed sets completed_at", async () => {
    const task = await create(a, {
      title: "Report",
      description: "Q3",
      priority: "low",
      tags: ["work"],
      due_at: "2026-05-01",
    });
    await sleep(5);
    const res = await a.patch<Task>(`/api/tasks/${task.id}`, { json: { priority: "medium" } });
    expect(res.status).toBe(200);
    expectTaskShape(res.body);
    expect(res.body).toEqual({ ...task, priority: "medium", updated_at: res.body.updated_at });
    expect(Date.parse(res.body.updated_at)).toBeGreaterThan(Date.parse(task.updated_at));

    const cleared = await a.patch<Task>(`/api/tasks/${task.id}`, { json: { due_at: null, description: "" } });
    expect(cleared.body).toMatchObject({
      due_at: null,
      description: "",
      title: "Report",
      tags: ["work"],
      priority: "medium",
    });

    const done = await a.patch<Task>(`/api/tasks/${task.id}`, { json: { completed: true } });
    expect(done.body.completed).toBe(true);
    expect(done.body.completed_at).toMatch(ISO);
    const again = await a.patch<Task>(`/api/tasks/${task.id}`, {
      json: { completed: true, title: "Report v2" },
    });
    // Marking a done task done again keeps its original completion time.
    expect(again.body).toMatchObject({
      completed: true,
      completed_at: done.body.completed_at,
      title: "Report v2",
    });
    const undone = await a.patch<Task>(`/api/tasks/${task.id}`, { json: { completed: false } });
    expect(undone.body).toMatchObject({ completed: false, completed_at: null });

    expect((await a.get<Task>(`/api/tasks/${task.id}`)).body).toEqual(undone.body);
  });

  it("PUT replaces the whole task: omitted optional fields return to their defaults", async () => {
    const task = await create(a, {
      title: "Old",
      description: "old notes",
      priority: "high",
      tags: ["x"],
      due_at: "2026-06-01",
    });
    await a.patch(`/api/tasks/${task.id}/complete`);
    const res = await a.put<Task>(`/api/tasks/${task.id}`, { json: { title: "New" } });
    expect(res.status).toBe(200);
    expectTaskShape(res.body);
    expect(res.body).toMatchObject({
      id: task.id,
      title: "New",
      description: "",
      priority: "none",
      tags: [],
      due_at: null,
      completed: false,
      completed_at: null,
      created_at: task.created_at,
    });
    const full = await a.put<Task>(`/api/tasks/${task.id}`, {
      json: {
        title: "Full",
        description: "d",
        priority: "low",
        tags: ["a", "b"],
        due_at: "2026-07-01",
        completed: true,
      },
    });
    expect(full.body).toMatchObject({
      title: "Full",
      description: "d",
      priority: "low",
      tags: ["a", "b"],
      due_at: "2026-07-01",
      all_day: true,
      completed: true,
    });
    expect(full.body.completed_at).toMatch(ISO);

    // PUT needs the title (it is a replacement); PATCH does not, but needs at least one field.
    expectProblem(await a.put(`/api/tasks/${task.id}`, { json: { description: "no title" } }), 400, [
      "title",
    ]);
    expectProblem(await a.patch(`/api/tasks/${task.id}`, { json: {} }), 400);
    expect((await a.get<Task>(`/api/tasks/${task.id}`)).body).toEqual(full.body);
  });

  it("PATCH /complete toggles completion and the time it happened", async () => {
    const task = await create(a, { title: "Toggle" });
    const on = await a.patch<Task>(`/api/tasks/${task.id}/complete`);
    expect(on.status).toBe(200);
    expectTaskShape(on.body);
    expect(on.body.completed).toBe(true);
    expect(on.body.completed_at).toMatch(ISO);
    const off = await a.patch<Task>(`/api/tasks/${task.id}/complete`);
    expect(off.body).toMatchObject({ completed: false, completed_at: null, title: "Toggle" });
    // A JSON body is allowed but not needed.
    const withBody = await a.patch<Task>(`/api/tasks/${task.id}/complete`, { json: {} });
    expect(withBody.status).toBe(200);
    expect(withBody.body.completed).toBe(true);
  });

  it("DELETE answers 204 with no body, then the task is gone for every verb", async () => {
    const task = await create(a, { title: "Short-lived" });
    const res = await a.delete(`/api/tasks/${task.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expectProblem(await a.get(`/api/tasks/${task.id}`), 404);
    expectProblem(await a.delete(`/api/tasks/${task.id}`), 404);
    expectProblem(await a.patch(`/api/tasks/${task.id}`, { json: { title: "zombie" } }), 404);
    expectProblem(await a.put(`/api/tasks/${task.id}`, { json: { title: "zombie" } }), 404);
    expectProblem(await a.patch(`/api/tasks/${task.id}/complete`), 404);
    expect((await listAll(a)).items.map((t) => t.id)).not.toContain(task.id);
    // An id that never existed reads the same as a deleted one.
    expectProblem(await a.get("/api/tasks/2147483647"), 404);
  });

  describe("listing", () => {
    let carol: ReturnType<typeof client>;
    let seeded: Task[];

    beforeAll(async () => {
      carol = client(stack.apiUrl, (await stack.signUp("Carol")).headers);
      const specs: Record<string, unknown>[] = [
        { title: "Apple", priority: "low", tags: ["work"], due_at: "2026-01-10" },
        { title: "banana", description: "Send the 50% invoice", priority: "high", due_at: "2026-01-05" },
        { title: "Cherry", priority: "medium", tags: ["work", "home"] },
        { title: "date", priority: "high", tags: ["home"], due_at: "2026-01-10" },
        {
          title: "Elderberry",
          description: "ask about the INVOICE",
          priority: "none",
          due_at: "2026-02-01T12:00:00Z",
        },
        { title: "fig", priority: "medium" },
        { title: "Grape", priority: "low", tags: ["Work"], due_at: "2025-12-31" },
      ];
      seeded = [];
      for (const spec of specs) seeded.push(await create(carol, spec));
      for (const title of ["Cherry", "fig"]) {
        const task = seeded.find((t) => t.title === title);
        if (!task) throw new Error(title);
        const res = await carol.patch<Task>(`/api/tasks/${task.id}/complete`);
        seeded[seeded.indexOf(task)] = res.body;
      }
    });

    const ids = (titles: string[]) => titles.map((title) => seeded.find((t) => t.title === title)?.id);
    const titlesOf = async (query: string) => {
      const res = await carol.get<TaskList>(`/api/tasks${query}`);
      expect(res.status, res.text).toBe(200);
      return res.body.items.map((t) => t.title);
    };

    it("returns {items, next_cursor} newest first by default", async () => {
      const res = await carol.get<TaskList>("/api/tasks");
      expect(Object.keys(res.body).sort()).toEqual(["items", "next_cursor"]);
      expect(res.body.next_cursor).toBeNull();
      for (const task of res.body.items) expectTaskShape(task);
      expect(res.body.items.map((t) => t.id)).toEqual(expectedOrder(seeded, "-created"));
      expect(res.body.items).toEqual(expect.arrayContaining(seeded));
    });

    it("filters by status", async () => {
      expect(await titlesOf("?status=completed&sort=created")).toEqual(["Cherry", "fig"]);
      expect(await titlesOf("?status=pending&sort=created")).toEqual([
        "Apple",
        "banana",
        "date",
        "Elderberry",
        "Grape",
      ]);
      expect((await titlesOf("?status=all")).length).toBe(seeded.length);
    });

    it("filters by priority and by tag (tags match case-insensitively)", async () => {
      expect(await titlesOf("?priority=high&sort=created")).toEqual(["banana", "date"]);
      expect(await titlesOf("?priority=none")).toEqual(["Elderberry"]);
      expect(await titlesOf("?tag=work&sort=created")).toEqual(["Apple", "Cherry", "Grape"]);
      expect(await titlesOf("?tag=WORK&sort=created")).toEqual(["Apple", "Cherry", "Grape"]);
      expect(await titlesOf("?tag=nothing")).toEqual([]);
    });

    it("searches title and description case-insensitively, with % and _ taken literally", async () => {
      expect(await titlesOf("?q=invoice&sort=created")).toEqual(["banana", "Elderberry"]);
      expect(await titlesOf("?q=APPLE")).toEqual(["Apple"]);
      expect(await titlesOf(`?q=${encodeURIComponent("50%")}`)).toEqual(["banana"]);
      expect(await titlesOf(`?q=${encodeURIComponent("%")}`)).toEqual(["banana"]);
      expect(await titlesOf("?q=_")).toEqual([]);
      expect(await titlesOf("?q=zzz")).toEqual([]);
    });

    it("filters by due date before and after (dates and date-times), leaving undated tasks out", async () => {
      expect(await titlesOf("?due_before=2026-01-07&sort=due")).toEqual(["Grape", "banana"]);
      expect(await titlesOf("?due_after=2026-01-07&sort=due")).toEqual(["Apple", "date", "Elderberry"]);
      expect(await titlesOf("?due_after=2026-01-01&due_before=2026-01-31&sort=due")).toEqual([
        "banana",
        "Apple",
        "date",
      ]);
      expect(await titlesOf(`?due_after=${encodeURIComponent("2026-02-01T11:59:00Z")}`)).toEqual([
        "Elderberry",
      ]);
      // An all-day task is due until its day is over: Grape (all day Dec 31, UTC user) is due before
      // 00:00:01 on Jan 1 UTC, not before 23:00 on Dec 31.
      expect(await titlesOf(`?due_before=${encodeURIComponent("2026-01-01T01:00:01+01:00")}`)).toEqual([
        "Grape",
      ]);
      expect(await titlesOf(`?due_before=${encodeURIComponent("2026-01-01T00:00:00+01:00")}`)).toEqual([]);
    });

    it("combines filters", async () => {
      expect(await titlesOf("?status=pending&tag=work&priority=low&sort=created")).toEqual([
        "Apple",
        "Grape",
      ]);
      expect(await titlesOf("?status=completed&tag=home")).toEqual(["Cherry"]);
      expect(await titlesOf("?q=invoice&priority=high")).toEqual(["banana"]);
    });

    it.each(SORTS)("sorts by %s", async (sort) => {
      const res = await carol.get<TaskList>(`/api/tasks?sort=${sort}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((t) => t.id)).toEqual(expectedOrder(seeded, sort));
    });

    it("orders the way a person expects: due soonest first with undated last, most important first, A–Z", async () => {
      expect(await titlesOf("?sort=due")).toEqual([
        "Grape",
        "banana",
        "Apple",
        "date",
        "Elderberry",
        "Cherry",
        "fig",
      ]);
      expect((await titlesOf("?sort=priority")).slice(0, 2)).toEqual(["date", "banana"]);
      expect((await titlesOf("?sort=priority")).at(-1)).toBe("Elderberry");
      expect(await titlesOf("?sort=title")).toEqual([
        "Apple",
        "banana",
        "Cherry",
        "date",
        "Elderberry",
        "fig",
        "Grape",
      ]);
      expect(ids(await titlesOf("?sort=-title"))).toEqual(
        ids(["Grape", "fig", "Elderberry", "date", "Cherry", "banana", "Apple"]),
      );
    });

    it.each(SORTS)(
      "pages through %s with limit and cursor, to the end, without gaps or repeats",
      async (sort) => {
        const seen: number[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `?sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
          const res = await carol.get<TaskList>(`/api/tasks${query}`);
          expect(res.status, res.text).toBe(200);
          expect(res.body.items.length).toBeLessThanOrEqual(2);
          seen.push(...res.body.items.map((t) => t.id));
          cursor = res.body.next_cursor;
          pages++;
          expect(pages).toBeLessThan(10);
        } while (cursor);
        expect(seen).toEqual(expectedOrder(seeded, sort));
        expect(pages).toBe(Math.ceil(seeded.length / 2));
      },
    );

    it("pages a filtered list and says so when a page is exactly the last one", async () => {
      const first = await carol.get<TaskList>("/api/tasks?status=pending&sort=title&limit=3");
      expect(first.body.items.map((t) => t.title)).toEqual(["Apple", "banana", "date"]);
      expect(first.body.next_cursor).toEqual(expect.any(String));
      const second = await carol.get<TaskList>(
        `/api/tasks?status=pending&sort=title&limit=3&cursor=${encodeURIComponent(first.body.next_cursor ?? "")}`,
      );
      expect(second.body.items.map((t) => t.title)).toEqual(["Elderberry", "Grape"]);
      expect(second.body.next_cursor).toBeNull();
      const exact = await carol.get<TaskList>(`/api/tasks?limit=${seeded.length}`);
      expect(exact.body.items.length).toBe(seeded.length);
      expect(exact.body.next_cursor).toBeNull();
    });

    it("defaults to 50 per page and caps limit at 100", async () => {
      const many = client(stack.apiUrl, (await stack.signUp("Many")).headers);
      await Promise.all(
        Array.from({ length: 55 }, (_, i) => create(many, { title: `bulk ${String(i).padStart(2, "0")}` })),
      );
      const page = await many.get<TaskList>("/api/tasks");
      expect(page.body.items.length).toBe(50);
      expect(page.body.next_cursor).toEqual(expect.any(String));
      const rest = await many.get<TaskList>(
        `/api/tasks?cursor=${encodeURIComponent(page.body.next_cursor ?? "")}`,
      );
      expect(rest.body.items.length).toBe(5);
      expect(rest.body.next_cursor).toBeNull();
      expect(new Set([...page.body.items, ...rest.body.items].map((t) => t.id)).size).toBe(55);
      expect((await many.get<TaskList>("/api/tasks?limit=100")).body.items.length).toBe(55);
      expectProblem(await many.get("/api/tasks?limit=101"), 400, ["limit"]);
    });
  });

  describe("hackathon paths /api/{user_id}/…", () => {
    it("serve every task verb on the caller's own id, sharing data with /api/tasks", async () => {
      const base = `/api/${alice.id}/tasks`;
      const created = await create(a, { title: "Via hackathon path", tags: ["hack"] }, `/api/${alice.id}`);
      expectTaskShape(created);
      const list = await a.get<TaskList>(`${base}?tag=hack`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((t) => t.id)).toEqual([created.id]);
      expect((await a.get<Task>(`/api/tasks/${created.id}`)).body).toEqual(created);
      expect((await a.get<Task>(`${base}/${created.id}`)).body).toEqual(created);
      expect(
        (await a.patch<Task>(`${base}/${created.id}`, { json: { priority: "high" } })).body.priority,
      ).toBe("high");
      expect(
        (await a.put<Task>(`${base}/${created.id}`, { json: { title: "Replaced" } })).body,
      ).toMatchObject({ title: "Replaced", tags: [] });
      expect((await a.patch<Task>(`${base}/${created.id}/complete`)).body.completed).toBe(true);
      expect((await a.delete(`${base}/${created.id}`)).status).toBe(204);
      expectProblem(await a.get(`/api/tasks/${created.id}`), 404);
    });

    it("answer 403 on every verb for someone else's id, and change nothing", async () => {
      const mine = await create(a, { title: "Alice's own", priority: "low" });
      const before = await listAll(a);
      const bobsBefore = await listAll(b);
      const other = `/api/${bob.id}/tasks`;
      const attempts = [
        () => a.get(other),
        () => a.post(other, { json: { title: "planted in Bob's list" } }),
        () => a.get(`${other}/${mine.id}`),
        () => a.patch(`${other}/${mine.id}`, { json: { title: "hijacked" } }),
        () => a.put(`${other}/${mine.id}`, { json: { title: "hijacked" } }),
        () => a.patch(`${other}/${mine.id}/complete`),
        () => a.delete(`${other}/${mine.id}`),
        () => a.get(`/api/not-a-real-user/tasks`),
      ];
      for (const attempt of attempts) expectProblem(await attempt(), 403);
      expect(await listAll(a)).toEqual(before);
      expect(await listAll(b)).toEqual(bobsBefore);
    });

    it("chat: own id answers, another id is 403", async () => {
      const own = await a.post<{ conversation_id: number; response: string }>(`/api/${alice.id}/chat`, {
        json: { message: "add water the plants" },
      });
      expect(own.status, own.text).toBe(200);
      expect(own.body.conversation_id).toSatisfy(Number.isInteger);
      expect(typeof own.body.response).toBe("string");
      const bobsBefore = await listAll(b);
      expectProblem(await a.post(`/api/${bob.id}/chat`, { json: { message: "add planted by alice" } }), 403);
      expect(await listAll(b)).toEqual(bobsBefore);
    });
  });

  describe("isolation between users", () => {
    it("another user's task is a 404 on every verb, on both path styles, and stays untouched", async () => {
      const secret = await create(a, {
        title: "Alice's secret",
        description: "private",
        priority: "high",
        tags: ["mine"],
        due_at: "2026-04-01",
      });
      const attempts = [
        () => b.get(`/api/tasks/${secret.id}`),
        () => b.patch(`/api/tasks/${secret.id}`, { json: { title: "pwned" } }),
        () => b.put(`/api/tasks/${secret.id}`, { json: { title: "pwned" } }),
        () => b.patch(`/api/tasks/${secret.id}/complete`),
        () => b.delete(`/api/tasks/${secret.id}`),
        () => b.get(`/api/${bob.id}/tasks/${secret.id}`),
        () => b.patch(`/api/${bob.id}/tasks/${secret.id}`, { json: { completed: true } }),
        () => b.put(`/api/${bob.id}/tasks/${secret.id}`, { json: { title: "pwned" } }),
        () => b.patch(`/api/${bob.id}/tasks/${secret.id}/complete`),
        () => b.delete(`/api/${bob.id}/tasks/${secret.id}`),
      ];
      const missing = await b.get<{ detail: string }>("/api/tasks/2147483646");
      for (const attempt of attempts) {
        const problem = expectProblem(await attempt(), 404);
        // Indistinguishable from a task that does not exist, apart from the id itself.
        expect(problem.detail.replace(String(secret.id), "N")).toBe(
          missing.body.detail.replace("2147483646", "N"),
        );
      }
      expect((await a.get<Task>(`/api/tasks/${secret.id}`)).body).toEqual(secret);
    });

    it("lists, filters and searches only the caller's tasks", async () => {
      await create(a, { title: "zebra crossing", tags: ["shared-tag"] });
      await create(b, { title: "zebra stripes", tags: ["shared-tag"] });
      for (const query of ["", "&q=zebra", "&tag=shared-tag", "&status=pending", "&sort=title"]) {
        const bobs = await listAll(b, query);
        expect(
          bobs.items.every((t) => !t.title.startsWith("Alice") && t.title !== "zebra crossing"),
          query,
        ).toBe(true);
      }
      expect((await listAll(b, "&q=zebra")).items.map((t) => t.title)).toEqual(["zebra stripes"]);
      expect((await listAll(a, "&q=zebra")).items.map((t) => t.title)).toEqual(["zebra crossing"]);
    });

    it("a cursor from one user's list does not reveal another's tasks", async () => {
      const page = await a.get<TaskList>("/api/tasks?limit=1");
      const cursor = page.body.next_cursor;
      expect(cursor).toEqual(expect.any(String));
      const bobs = await b.get<TaskList>(`/api/tasks?limit=100&cursor=${encodeURIComponent(cursor ?? "")}`);
      expect(bobs.status).toBe(200);
      const alicesIds = new Set((await listAll(a)).items.map((t) => t.id));
      expect(bobs.body.items.some((t) => alicesIds.has(t.id))).toBe(false);
    });
  });
});
