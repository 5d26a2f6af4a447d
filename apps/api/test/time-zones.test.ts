// Time (contract "Time"): every user has a zone (GET/PATCH /api/me); a date without a time is an
// all-day due, the same calendar day for every viewer; a time without an offset is read in the user's
// zone; list windows and the due sort read all-day tasks as lasting until their day ends in that zone.

import type { Task, TaskList } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface Me {
  id: string;
  name: string;
  email: string;
  time_zone: string;
}
type Api = ReturnType<typeof client>;

describe.each(engines)("time zones on %s", (engine) => {
  let stack: TestStack;
  const users: Record<"la" | "tokyo" | "utc", Api> = {} as never;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    for (const [key, zone] of [
      ["la", "America/Los_Angeles"],
      ["tokyo", "Asia/Tokyo"],
      ["utc", undefined],
    ] as const) {
      const user = await stack.signUp(key);
      users[key] = client(stack.apiUrl, user.headers);
      if (zone) expect((await users[key].patch("/api/me", { json: { time_zone: zone } })).status).toBe(200);
    }
  });
  afterAll(() => stack?.close());

  const create = async (api: Api, body: Record<string, unknown>) => {
    const res = await api.post<Task>("/api/tasks", { json: body });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const titles = async (api: Api, query: string) => {
    const res = await api.get<TaskList>(`/api/tasks?limit=100&${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body.items.map((t) => t.title);
  };

  it("GET /api/me gives the profile with time_zone (UTC until set); PATCH sets an IANA zone", async () => {
    const fresh = await stack.signUp("Fresh");
    const api = client(stack.apiUrl, fresh.headers);
    const me = await api.get<Me>("/api/me");
    expect(me.body).toEqual({ id: fresh.id, name: "Fresh", email: fresh.email, time_zone: "UTC" });
    const set = await api.patch<Me>("/api/me", { json: { time_zone: "Europe/Paris" } });
    expect(set.status, set.text).toBe(200);
    expect(set.body.time_zone).toBe("Europe/Paris");
    expect((await api.get<Me>("/api/me")).body.time_zone).toBe("Europe/Paris");
    expectProblem(await client(stack.apiUrl).get("/api/me"), 401);
  });

  it("refuses anything but a known IANA zone, naming the field, and changes nothing", async () => {
    const api = users.tokyo;
    for (const bad of [
      "Mars/Olympus_Mons",
      "",
      "UTC; drop table",
      "../../etc/passwd",
      "x".repeat(200),
      42,
      null,
    ]) {
      const res = await api.patch("/api/me", { json: { time_zone: bad } });
      expectProblem(res, 400);
      expect(JSON.stringify(res.body)).toContain("time_zone");
    }
    expectProblem(await api.patch("/api/me", { json: { time_zone: "UTC", name: "Mallory" } }), 400);
    expect((await api.get<Me>("/api/me")).body.time_zone).toBe("Asia/Tokyo");
  });

  it("a date without a time is all-day: the same calendar day for every viewer", async () => {
    for (const key of ["la", "tokyo", "utc"] as const) {
      const task = await create(users[key], { title: `All day ${key}`, due_at: "2026-12-01" });
      expect(task).toMatchObject({ due_at: "2026-12-01", all_day: true });
      const read = await users[key].get<Task>(`/api/tasks/${task.id}`);
      expect(read.body).toMatchObject({ due_at: "2026-12-01", all_day: true });
    }
  });

  it("a time without an offset is the user's wall-clock time, across daylight saving; an offset wins", async () => {
    const cases: [keyof typeof users, string, string][] = [
      ["la", "2026-12-01T10:00", "2026-12-01T18:00:00.000Z"], // PST, UTC-8
      ["la", "2026-07-01T10:00:00", "2026-07-01T17:00:00.000Z"], // PDT, UTC-7
      ["tokyo", "2026-12-01T10:00", "2026-12-01T01:00:00.000Z"],
      ["utc", "2026-12-01T10:00", "2026-12-01T10:00:00.000Z"],
      ["la", "2026-12-01T10:00:00+02:00", "2026-12-01T08:00:00.000Z"],
      ["tokyo", "2026-12-01T10:00:00Z", "2026-12-01T10:00:00.000Z"],
    ];
    for (const [key, input, stored] of cases) {
      const task = await create(users[key], { title: `Timed ${input}`, due_at: input });
      expect(task, `${key} ${input}`).toMatchObject({ due_at: stored, all_day: false });
    }
  });

  it("PATCH moves between all-day and timed; null clears both", async () => {
    const api = users.la;
    const task = await create(api, { title: "Haircut", due_at: "2026-12-03" });
    const timed = await api.patch<Task>(`/api/tasks/${task.id}`, { json: { due_at: "2026-12-03T09:15" } });
    expect(timed.body).toMatchObject({ due_at: "2026-12-03T17:15:00.000Z", all_day: false });
    const day = await api.put<Task>(`/api/tasks/${task.id}`, {
      json: { title: "Haircut", due_at: "2026-12-04" },
    });
    expect(day.body).toMatchObject({ due_at: "2026-12-04", all_day: true });
    const cleared = await api.patch<Task>(`/api/tasks/${task.id}`, { json: { due_at: null } });
    expect(cleared.body).toMatchObject({ due_at: null, all_day: false });
  });

  it("refuses impossible dates and times with a 400 naming due_at, creating nothing", async () => {
    const api = users.utc;
    const before = (await titles(api, "status=all")).length;
    for (const bad of [
      "2026-02-30",
      "2026-13-01",
      "2026-12-01T24:00",
      "2026-12-01T10:60",
      "2026-12-01T10:00:61",
      "tomorrow",
      "2026-12-1",
    ]) {
      const res = await api.post("/api/tasks", { json: { title: "Never", due_at: bad } });
      expectProblem(res, 400);
      expect(JSON.stringify(res.body), bad).toContain("due_at");
    }
    expect((await titles(api, "status=all")).length).toBe(before);
  });

  describe("windows and order follow the user's day", () => {
    // The same four tasks for a user in Los Angeles and one in Tokyo, typed as each would type them.
    const seed = async (api: Api, tag: string) => {
      await create(api, { title: "D all-day Nov 30", due_at: "2026-11-30", tags: [tag] });
      await create(api, { title: "A all-day Dec 1", due_at: "2026-12-01", tags: [tag] });
      await create(api, { title: "B Dec 1 23:30", due_at: "2026-12-01T23:30", tags: [tag] });
      await create(api, { title: "C Dec 2 00:30", due_at: "2026-12-02T00:30", tags: [tag] });
    };

    it("'due on Dec 1' is Dec 1 in the user's zone, for all-day and timed tasks alike", async () => {
      for (const key of ["la", "tokyo"] as const) {
        await seed(users[key], "window");
        const day = await titles(
          users[key],
          "tag=window&due_after=2026-12-01&due_before=2026-12-02&sort=due",
        );
        expect(day, key).toEqual(["B Dec 1 23:30", "A all-day Dec 1"]);
      }
    });

    it("sorts by when a task is due for the user: an all-day task lasts until its day ends", async () => {
      expect(await titles(users.la, "tag=window&sort=due")).toEqual([
        "D all-day Nov 30",
        "B Dec 1 23:30",
        "A all-day Dec 1",
        "C Dec 2 00:30",
      ]);
    });

    it("overdue at noon on Dec 1 (an instant) excludes the task due all day Dec 1", async () => {
      expect(await titles(users.la, "tag=window&due_before=2026-12-01T12:00:00-08:00")).toEqual([
        "D all-day Nov 30",
      ]);
      expect(await titles(users.la, "tag=window&due_before=2026-12-01T12:00")).toEqual(["D all-day Nov 30"]);
    });

    it("pages through the due sort without gaps or repeats", async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/tasks?tag=window&sort=due&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const res = await users.tokyo.get<TaskList>(query);
        expect(res.status, res.text).toBe(200);
        seen.push(...res.body.items.map((t) => t.title));
        cursor = res.body.next_cursor;
      } while (cursor);
      expect(seen).toEqual(await titles(users.tokyo, "tag=window&sort=due"));
      expect(seen).toHaveLength(4);
    });
  });
});
