// GET /api/events over real HTTP on both engines: task changes from REST, MCP and chat reach the owner's
// open stream within 2 s (and nobody else's), reminders arrive once within 5 s of remind_at, a reminder
// that came due while nobody was connected is shown on the next stream and then never again, the
// per-account limit, heartbeats, the metrics gauge, and streams ended cleanly when the server closes.
import type { Task } from "@taskflow/contracts";
import { engines } from "@taskflow/testing/databases";
import { expectProblem, http } from "@taskflow/testing/http";
import { mcpToolCall } from "@taskflow/testing/mcp-http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { eventually } from "@taskflow/testing/wait";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { about, type EventReader, openEvents } from "./events-helpers";

const PER_USER = 3;

describe.each(engines)("GET /api/events on %s", (engine) => {
  let stack: TestStack;
  let alice: TestUser;
  let bob: TestUser;
  const open: EventReader[] = [];

  beforeAll(async () => {
    stack = await startTestStack(engine, {
      env: { REMINDER_POLL_MS: "200", EVENT_HEARTBEAT_MS: "1000", EVENT_STREAMS_PER_USER: String(PER_USER) },
    });
    alice = await stack.signUp("Alice");
    bob = await stack.signUp("Bob");
  });
  afterEach(async () => {
    for (const reader of open.splice(0)) reader.close();
    // The server notices each close; the per-account count must be back to zero for the next test.
    await eventually(async () => (await openStreamsGauge()) === 0, "streams closed on the server");
  });
  afterAll(() => stack?.close());

  const stream = async (user: TestUser) => {
    const reader = await openEvents(stack.apiUrl, user.headers);
    open.push(reader);
    return reader;
  };
  const createTask = async (user: TestUser, title: string) => {
    const created = await http<Task>(stack.apiUrl, "POST", "/api/tasks", {
      headers: user.headers,
      json: { title },
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const openStreamsGauge = async () => {
    const text = await (await fetch(`${stack.apiUrl}/metrics`)).text();
    return Number(/^taskflow_event_streams(?:\{[^}]*\})? (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
  };
  /** Sets remind_at straight in the database (what REST, MCP and chat store), `offsetMs` from now. */
  const remindIn = (taskId: number, offsetMs: number) =>
    stack.db.database.execute(
      "update tasks set remind_at = now() + make_interval(secs => $2::double precision / 1000) where id = $1 returning remind_at",
      [taskId, offsetMs],
    );
  const reminderState = async (taskId: number) =>
    (
      await stack.db.database.execute("select reminded_at, reminder_delivered_at from tasks where id = $1", [
        taskId,
      ])
    )[0] as { reminded_at: Date | null; reminder_delivered_at: Date | null };

  it("refuses a caller without a session or token with a 401 problem", async () => {
    const anonymous = await http(stack.apiUrl, "GET", "/api/events", {
      headers: { accept: "text/event-stream" },
    });
    expectProblem(anonymous, 401);
    // Documented, signed in like every /api route.
    const spec = await http<{ paths: Record<string, { get?: { tags: string[]; security: unknown[] } }> }>(
      stack.apiUrl,
      "GET",
      "/api/openapi.json",
    );
    expect(spec.body.paths["/api/events"]?.get?.tags).toEqual(["events"]);
    expect(spec.body.paths["/api/events"]?.get?.security).toHaveLength(2);
  });

  it("is an unbuffered event stream with retry and heartbeats, counted in the metrics", async () => {
    const reader = await stream(alice);
    expect(reader.status).toBe(200);
    expect(reader.headers.get("content-type")).toContain("text/event-stream");
    expect(reader.headers.get("cache-control")).toContain("no-cache");
    expect(reader.headers.get("x-accel-buffering")).toBe("no");
    await eventually(() => reader.retries.includes(3000), "retry: 3000");
    // EVENT_HEARTBEAT_MS is 1000 here: a quiet stream still gets comment lines.
    await eventually(
      () => reader.comments.filter((c) => c === "heartbeat").length >= 2,
      "two heartbeats",
      4000,
    );
    expect(await openStreamsGauge()).toBe(1);
  });

  it("streams the caller's REST changes (created, updated, deleted, restored) within 2 s, and no one else's", async () => {
    const mine = await stream(alice);
    const theirs = await stream(bob);
    const started = Date.now();
    const task = await createTask(alice, "Live from REST");
    const created = await mine.waitFor("task.created", (e) => e.event === "task.created", 2000);
    expect(created.at - started).toBeLessThan(2000);
    // The same DTO as REST.
    const fetched = await http<Task>(stack.apiUrl, "GET", `/api/tasks/${task.id}`, {
      headers: alice.headers,
    });
    expect(created.data.task).toEqual(fetched.body);
    expect(created.id).toMatch(/\S/);

    await http(stack.apiUrl, "PATCH", `/api/tasks/${task.id}`, {
      headers: alice.headers,
      json: { title: "Renamed live" },
    });
    const updated = await mine.waitFor("task.updated", (e) => e.event === "task.updated", 2000);
    expect(updated.data.task?.title).toBe("Renamed live");

    expect(
      (await http(stack.apiUrl, "DELETE", `/api/tasks/${task.id}`, { headers: alice.headers })).status,
    ).toBe(204);
    const deleted = await mine.waitFor("task.deleted", (e) => e.event === "task.deleted", 2000);
    expect(deleted.data).toEqual({ id: task.id });

    await http(stack.apiUrl, "POST", `/api/tasks/${task.id}/restore`, { headers: alice.headers });
    await mine.waitFor("task.created again", () => about(mine, "task.created", task.id).length === 2, 2000);
    // Event ids are unique.
    expect(new Set(mine.events.map((e) => e.id)).size).toBe(mine.events.length);
    expect(mine.events.map((e) => e.event)).toEqual([
      "task.created",
      "task.updated",
      "task.deleted",
      "task.created",
    ]);

    // Bob's own change reaches him: his stream was live all along and saw nothing of Alice's.
    const his = await createTask(bob, "Bob's own");
    await theirs.waitFor("Bob's task", (e) => e.data.task?.id === his.id, 2000);
    expect(theirs.events.map((e) => e.data.task?.id ?? e.data.id)).toEqual([his.id]);
    expect(about(mine, "task.created", his.id)).toEqual([]);
  });

  it("streams a task added over MCP (a personal token) and one added in chat within 2 s", async () => {
    const reader = await stream(alice);
    const token = await http<{ token: string }>(stack.apiUrl, "POST", "/api/tokens", {
      headers: alice.headers,
      json: { name: "events test" },
    });
    const started = Date.now();
    const called = await mcpToolCall(stack.mcpUrl, token.body.token, "add_task", { title: "From MCP" });
    expect(called.status).toBe(200);
    const fromMcp = await reader.waitFor("MCP task", (e) => e.data.task?.title === "From MCP", 2000);
    expect(fromMcp.event).toBe("task.created");
    expect(fromMcp.at - started).toBeLessThan(2000);

    const chatStarted = Date.now();
    const turn = await http<{ tool_calls: { tool: string }[] }>(stack.apiUrl, "POST", "/api/chat", {
      headers: alice.headers,
      json: { message: "add water the ferns" },
    });
    expect(turn.status).toBe(200);
    expect(turn.body.tool_calls.map((c) => c.tool)).toContain("add_task");
    const fromChat = await reader.waitFor(
      "chat task",
      (e) => e.event === "task.created" && /water the ferns/i.test(e.data.task?.title ?? ""),
      2000,
    );
    expect(fromChat.at - chatStarted).toBeLessThan(4000);
  });

  it("delivers a reminder once, within 5 s of remind_at; a new remind_at is a new reminder", async () => {
    const reader = await stream(alice);
    const theirs = await stream(bob);
    const task = await createTask(alice, "Call the bank");
    const [row] = await remindIn(task.id, 1000);
    const remindAt = new Date(row?.remind_at as string | Date).getTime();
    const due = await reader.waitFor("reminder.due", (e) => e.event === "reminder.due", 7000);
    expect(due.data.task?.id).toBe(task.id);
    expect(due.at - remindAt).toBeLessThan(5000);
    expect(due.at).toBeGreaterThanOrEqual(remindAt - 50);
    expect(due.data.task?.remind_at).toBe(new Date(remindAt).toISOString());
    // Shown on an open stream: marked delivered. Several more polls claim nothing again.
    await eventually(async () => (await reminderState(task.id)).reminder_delivered_at !== null, "delivered");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(about(reader, "reminder.due", task.id)).toHaveLength(1);
    // The claim is bookkeeping, not a change of the task.
    expect(about(reader, "task.updated", task.id)).toHaveLength(1); // the remind_at change itself
    expect(theirs.events).toEqual([]);

    await remindIn(task.id, 300);
    await reader.waitFor(
      "the second reminder",
      () => about(reader, "reminder.due", task.id).length === 2,
      5000,
    );
  });

  it("fires a remind_at set over REST, within 5 s of it", async () => {
    const reader = await stream(alice);
    // A whole second, one to two seconds ahead.
    const remindAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toISOString();
    const created = await http<Task>(stack.apiUrl, "POST", "/api/tasks", {
      headers: alice.headers,
      json: { title: "Reminded over REST", remind_at: remindAt },
    });
    expect(created.status).toBe(201);
    const at = Date.parse(created.body.remind_at ?? "");
    const due = await reader.waitFor("reminder.due", (e) => e.event === "reminder.due", 8000);
    expect(due.data.task?.id).toBe(created.body.id);
    expect(due.at).toBeGreaterThanOrEqual(at - 50);
    expect(due.at - at).toBeLessThan(5000);
  });

  it("does not remind of a completed task", async () => {
    const reader = await stream(alice);
    const task = await createTask(alice, "Done already");
    await http(stack.apiUrl, "PATCH", `/api/tasks/${task.id}`, {
      headers: alice.headers,
      json: { completed: true },
    });
    await remindIn(task.id, -1000);
    await eventually(async () => (await reminderState(task.id)).reminded_at !== null, "claimed");
    const marker = await createTask(alice, "marker after the claim");
    await reader.waitFor("marker", (e) => e.data.task?.id === marker.id, 2000);
    expect(about(reader, "reminder.due", task.id)).toEqual([]);
  });

  it("shows a reminder that came due while nobody was connected on the next stream, then never again", async () => {
    const task = await createTask(alice, "Water the plants");
    await remindIn(task.id, -500);
    await eventually(async () => (await reminderState(task.id)).reminded_at !== null, "the claim", 5000);
    expect((await reminderState(task.id)).reminder_delivered_at).toBeNull();

    const first = await stream(alice);
    const shown = await first.waitFor("replayed reminder", (e) => e.event === "reminder.due", 3000);
    expect(shown.data.task?.id).toBe(task.id);
    await eventually(async () => (await reminderState(task.id)).reminder_delivered_at !== null, "delivered");
    first.close();

    // The next stream: events are written in order, so once a change made after connecting arrives,
    // anything replayed would have come before it.
    const second = await stream(alice);
    const marker = await createTask(alice, "marker");
    await second.waitFor("marker", (e) => e.data.task?.id === marker.id, 2000);
    expect(about(second, "reminder.due", task.id)).toEqual([]);
  });

  it("ends a stream that falls more than 1000 events behind (it reconnects and re-reads), and stays healthy", async () => {
    const reader = await stream(alice);
    await stack.db.database.execute(
      "insert into tasks (user_id, title) select $1, 'burst ' || n from generate_series(1, 1500) n",
      [alice.id],
    );
    await reader.ended;
    expect(reader.events.length).toBeLessThan(1500);
    const again = await stream(alice);
    expect(again.status).toBe(200);
    const marker = await createTask(alice, "after the burst");
    await again.waitFor("a change after the burst", (e) => e.data.task?.id === marker.id, 5000);
    await stack.db.database.execute("delete from tasks where title like 'burst %'");
  });

  it("allows EVENT_STREAMS_PER_USER streams per account (429 past it, per account), again after one closes", async () => {
    const readers = [];
    for (let i = 0; i < PER_USER; i++) readers.push(await stream(alice));
    expect(readers.map((r) => r.status)).toEqual(Array(PER_USER).fill(200));
    const refused = await http(stack.apiUrl, "GET", "/api/events", { headers: alice.headers });
    expectProblem(refused, 429);
    expect(refused.headers.get("retry-after")).toBe("3");
    // Another account is not affected.
    expect((await stream(bob)).status).toBe(200);
    readers[0]?.close();
    await eventually(async () => (await openStreamsGauge()) === PER_USER, "one of Alice's closed");
    expect((await stream(alice)).status).toBe(200);
  });
});

describe.each(engines)("GET /api/events when the server closes, on %s", (engine) => {
  it("ends every open stream at once, so the drain is not held", async () => {
    const stack = await startTestStack(engine);
    let closed = false;
    try {
      const user = await stack.signUp("Leaving");
      const readers = [
        await openEvents(stack.apiUrl, user.headers),
        await openEvents(stack.apiUrl, user.headers),
      ];
      expect(readers.map((r) => r.status)).toEqual([200, 200]);
      const started = Date.now();
      await stack.api.close();
      closed = true;
      await Promise.all(readers.map((r) => r.ended));
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      if (!closed) await stack.api.close();
      await stack.mcp.close();
      await stack.db.dispose();
    }
  });
});
