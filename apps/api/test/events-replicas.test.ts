// Two api replicas on one PostgreSQL (two buildApp instances, each with its own pool and LISTEN
// connection, on the same TEST_DATABASE_URL database): a change made through one appears on a stream
// held by the other; 20 reminders due at the same instant with both replicas polling every 50 ms are
// claimed exactly once in total and shown exactly once on each open stream; and a lost LISTEN
// connection ends the streams, which reconnect once it is back. PostgreSQL only (PGlite is one process).
import type { Task } from "@taskflow/contracts";
import { createDatabase } from "@taskflow/db/client";
import { type TestDatabase, testDatabaseUrl } from "@taskflow/testing/databases";
import { http } from "@taskflow/testing/http";
import { mcpToolCall } from "@taskflow/testing/mcp-http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { eventually } from "@taskflow/testing/wait";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { claimDueReminders } from "../src/plugins/events";
import { about, type EventReader, openEvents } from "./events-helpers";

const env = { REMINDER_POLL_MS: "50", EVENT_HEARTBEAT_MS: "1000" };

// PostgreSQL only (skipped without TEST_DATABASE_URL): replicas share a server database; PGlite lives inside
// one process. CI always sets TEST_DATABASE_URL.
describe.skipIf(!testDatabaseUrl)("GET /api/events across two api replicas on one PostgreSQL", () => {
  let a: TestStack;
  let b: TestStack;
  let second: TestDatabase;
  let user: TestUser;
  const open: EventReader[] = [];

  beforeAll(async () => {
    a = await startTestStack("postgres", { env });
    const url = a.db.url as string;
    const database = await createDatabase({ url, dataDir: "", poolSize: 5 });
    second = { engine: "postgres", database, url, dispose: () => database.close() };
    b = await startTestStack("postgres", { env, db: second });
    user = await a.signUp("Two replicas");
  });
  afterEach(() => {
    for (const reader of open.splice(0)) reader.close();
  });
  afterAll(async () => {
    await b?.close();
    await second?.dispose();
    await a?.close();
  });

  const stream = async (stack: TestStack) => {
    const reader = await openEvents(stack.apiUrl, user.headers);
    open.push(reader);
    expect(reader.status).toBe(200);
    return reader;
  };
  const claimedBy = async (stack: TestStack) => {
    const text = await (await fetch(`${stack.apiUrl}/metrics`)).text();
    return Number(/^taskflow_reminders_claimed_total(?:\{[^}]*\})? (\d+)$/m.exec(text)?.[1] ?? 0);
  };

  it("a change made through one replica (REST or its MCP) appears on a stream held by the other within 2 s", async () => {
    const onA = await stream(a);
    const onB = await stream(b);
    const created = await http<Task>(a.apiUrl, "POST", "/api/tasks", {
      headers: user.headers,
      json: { title: "Made on A" },
    });
    const seen = await onB.waitFor("A's task on B", (e) => e.data.task?.id === created.body.id, 2000);
    expect(seen.event).toBe("task.created");
    await onA.waitFor("A's task on A", (e) => e.data.task?.id === created.body.id, 2000);

    const token = await http<{ token: string }>(b.apiUrl, "POST", "/api/tokens", {
      headers: user.headers,
      json: { name: "replica b" },
    });
    expect(
      (await mcpToolCall(b.mcpUrl, token.body.token, "add_task", { title: "Made on B's MCP" })).status,
    ).toBe(200);
    await onA.waitFor("B's MCP task on A", (e) => e.data.task?.title === "Made on B's MCP", 2000);
    await onB.waitFor("B's MCP task on B", (e) => e.data.task?.title === "Made on B's MCP", 2000);
  });

  it("20 reminders due at once: claimed once in total by the two replicas, shown once on each open stream", async () => {
    const onA = await stream(a);
    const onB = await stream(b);
    const claimedBefore = (await claimedBy(a)) + (await claimedBy(b));
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await http<Task>(i % 2 ? a.apiUrl : b.apiUrl, "POST", "/api/tasks", {
        headers: user.headers,
        json: { title: `Reminder ${i}` },
      });
      ids.push(created.body.id);
    }
    // One instant for all twenty, a second ahead: both replicas' polls race for them.
    await a.db.database.execute(
      "update tasks set remind_at = date_trunc('milliseconds', now()) + interval '1 second' where id = any($1::int[])",
      [ids],
    );
    const dueAt = Date.now() + 1000;
    for (const reader of [onA, onB])
      await eventually(
        () => reader.events.filter((e) => e.event === "reminder.due").length >= 20,
        "twenty reminders on a stream",
        8000,
      );
    // Several more polls of both replicas: nothing is claimed or shown again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const reader of [onA, onB]) {
      const due = reader.events.filter((e) => e.event === "reminder.due");
      expect(due.map((e) => e.data.task?.id).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(ids);
      for (const event of due) expect(event.at - dueAt).toBeLessThan(5000);
    }
    const claimedAfter = (await claimedBy(a)) + (await claimedBy(b));
    expect(claimedAfter - claimedBefore).toBe(20);
    const [counts] = await a.db.database.execute(
      "select count(*)::int as claimed, count(reminder_delivered_at)::int as delivered from tasks where id = any($1::int[]) and reminded_at is not null",
      [ids],
    );
    expect(counts).toEqual({ claimed: 20, delivered: 20 });
  });

  it("claims racing from both replicas' pools (12 at once, 5 reminders each) never claim a reminder twice", async () => {
    const [owner] = await a.db.database.execute(
      "insert into tasks (user_id, title, remind_at) select $1, 'race ' || n, now() - interval '1 second' from generate_series(1, 60) n returning user_id",
      [user.id],
    );
    expect(owner?.user_id).toBe(user.id);
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claimDueReminders(i % 2 ? a.db.database : second.database, 5)),
    );
    // Whatever the replicas' own pollers took meanwhile, nothing is claimed twice, and all 60 are claimed.
    const raced = claims.flat();
    expect(new Set(raced).size).toBe(raced.length);
    await eventually(async () => {
      const [row] = await a.db.database.execute(
        "select count(*)::int as n from tasks where title like 'race %' and reminded_at is null",
      );
      return row?.n === 0;
    }, "every raced reminder claimed");
    // Done with: not shown to the next test's streams.
    await a.db.database.execute("update tasks set completed = true where title like 'race %'");
  });

  it("a lost LISTEN connection ends the streams; they reconnect once the listener is back, and events flow again", async () => {
    const onA = await stream(a);
    const onB = await stream(b);
    const [killed] = await a.db.database.execute(
      "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'taskflow-listen' and datname = current_database()",
    );
    expect(killed?.n).toBe(2);
    await Promise.all([onA.ended, onB.ended]);
    // Refused with 503 until the listener is back (a second at most), then live again.
    let again: EventReader | undefined;
    await eventually(
      async () => {
        const reader = await openEvents(b.apiUrl, user.headers);
        if (reader.status === 200) again = reader;
        else {
          expect(reader.status).toBe(503);
          expect(reader.headers.get("retry-after")).toBe("3");
          reader.close();
        }
        return again !== undefined;
      },
      "a stream on B after the listener came back",
      5000,
    );
    if (!again) throw new Error("unreachable");
    open.push(again);
    const created = await http<Task>(a.apiUrl, "POST", "/api/tasks", {
      headers: user.headers,
      json: { title: "After the reconnect" },
    });
    await again.waitFor("a change after the reconnect", (e) => e.data.task?.id === created.body.id, 2000);
    expect(about(again, "task.created", created.body.id)).toHaveLength(1);
  });
});
