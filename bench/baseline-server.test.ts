// The bench's bare baseline answers what the api answers: the same tasks in the same wire shape, field for
// field and in order, for a listing, a create and a completion on one PostgreSQL database. A field added to
// the Task contract, or a filter added to the api's listing, fails here until the baseline does the same
// work; otherwise the CPU ratio in docs/benchmarks.md would compare unequal work.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testDatabaseUrl } from "@taskflow/testing/databases";
import { client } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseline } from "./baseline-server";

type Task = Record<string, unknown> & { id: number; title: string };
type Page = { items: Task[]; next_cursor: string | null };
const MADE_NOW = ["id", "created_at", "updated_at", "completed_at"];
const withoutMadeNow = (task: Task) =>
  Object.fromEntries(Object.entries(task).filter(([key]) => !MADE_NOW.includes(key)));

describe.skipIf(!testDatabaseUrl)("the bench's baseline against the api (PostgreSQL)", () => {
  let stack: TestStack;
  let pool: pg.Pool;
  let server: Server;
  let api: ReturnType<typeof client>;
  let baseline: ReturnType<typeof client>;

  beforeAll(async () => {
    stack = await startTestStack("postgres");
    const user = await stack.signUp("Bea Baseline");
    api = client(stack.apiUrl, user.headers);
    // A zone far from UTC, so a wall time read in the wrong zone shows.
    expect((await api.patch("/api/me", { json: { time_zone: "Asia/Tokyo" } })).status).toBe(200);
    pool = new pg.Pool({ connectionString: stack.db.url, max: 2 });
    server = createServer(
      createBaseline(async (query, values) => (await pool.query({ ...query, values })).rows),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseline = client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, user.headers);

    const list = await api.post<{ id: number }>("/api/lists", { json: { name: "Errands" } });
    const bodies = [
      { title: "Plain" },
      { title: "Described", description: "with notes", priority: "high", tags: ["Work", "home"] },
      { title: "Due at an instant", due_at: "2027-03-04T05:06:07.089Z" },
      { title: "Due on a day", due_at: "2027-03-05" },
      { title: "Due at a wall time", due_at: "2027-03-06T09:30" },
      { title: "Reminded", remind_at: "2027-03-06T08:00:00Z", due_at: "2027-03-06T09:00:00Z" },
      { title: "In a list", list_id: list.body.id },
      { title: "Done" },
      { title: "In the trash" },
    ];
    const made: Task[] = [];
    for (const json of bodies) {
      const res = await api.post<Task>("/api/tasks", { json });
      expect(res.status, res.text).toBe(201);
      made.push(res.body);
    }
    const byTitle = (title: string) => made.find((task) => task.title === title)?.id;
    expect((await api.patch(`/api/tasks/${byTitle("Done")}/complete`)).status).toBe(200);
    expect((await api.delete(`/api/tasks/${byTitle("In the trash")}`)).status).toBe(204);
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await pool?.end();
    await stack?.close();
  });

  it("lists the same page: the same tasks, fields and order, the trash left out", async () => {
    for (const limit of [50, 3]) {
      const [ours, bare] = await Promise.all([
        api.get<Page>(`/api/tasks?limit=${limit}`),
        baseline.get<Page>(`/api/tasks?limit=${limit}`),
      ]);
      expect(ours.status, ours.text).toBe(200);
      expect(bare.status, bare.text).toBe(200);
      expect(bare.body.items).toEqual(ours.body.items);
      expect(bare.body.items.map((task) => Object.keys(task))).toEqual(
        ours.body.items.map((task) => Object.keys(task)),
      );
      expect(bare.body.next_cursor === null).toBe(ours.body.next_cursor === null);
    }
    expect((await api.get<Page>("/api/tasks?limit=50")).body.items.map((t) => t.title)).not.toContain(
      "In the trash",
    );
  });

  it("creates the same task from the same body (an instant, a day, a wall time in the user's zone)", async () => {
    for (const json of [
      { title: "Both", description: "d", priority: "low", tags: ["x"] },
      { title: "Both due", due_at: "2027-05-01T10:00:00.000Z" },
      { title: "Both on a day", due_at: "2027-05-02" },
      { title: "Both at nine", due_at: "2027-05-03T09:00" },
    ]) {
      const [ours, bare] = await Promise.all([
        api.post<Task>("/api/tasks", { json }),
        baseline.post<Task>("/api/tasks", { json }),
      ]);
      expect(ours.status, ours.text).toBe(201);
      expect(bare.status, bare.text).toBe(201);
      expect(Object.keys(bare.body)).toEqual(Object.keys(ours.body));
      expect(withoutMadeNow(bare.body)).toEqual(withoutMadeNow(ours.body));
    }
  });

  it("completes a task and answers the same shape; a task in the trash is not found by either", async () => {
    const [first, second] = (await api.get<Page>("/api/tasks?limit=2")).body.items;
    const ours = await api.patch<Task>(`/api/tasks/${first?.id}/complete`);
    const bare = await baseline.patch<Task>(`/api/tasks/${second?.id}/complete`);
    expect(ours.status, ours.text).toBe(200);
    expect(bare.status, bare.text).toBe(200);
    expect(Object.keys(bare.body)).toEqual(Object.keys(ours.body));
    expect(bare.body.completed).toBe(true);
    expect(typeof bare.body.completed_at).toBe("string");
    const again = await api.get<Task>(`/api/tasks/${second?.id}`);
    expect(bare.body).toEqual(again.body);

    const trashed = (await api.get<Page>("/api/tasks?status=deleted")).body.items[0];
    expect(trashed?.title).toBe("In the trash");
    expect((await baseline.patch(`/api/tasks/${trashed?.id}/complete`)).status).toBe(404);
    expect((await api.patch(`/api/tasks/${trashed?.id}/complete`)).status).toBe(404);
  });
});
