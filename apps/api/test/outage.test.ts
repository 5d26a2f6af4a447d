// The database going away and coming back, with a TCP proxy between the api and PostgreSQL: 503s and
// a failing /readyz (fast, no hang, no crash), then recovery without a restart. Also an api whose
// database is unreachable from the start. Logs stay free of credentials throughout.
import net from "node:net";
import { buildApp } from "@taskflow/api/app";
import { type ApiEnv, parseApiEnv } from "@taskflow/api/env";
import type { Database } from "@taskflow/db/client";
import { openDatabase } from "@taskflow/runtime/database";
import { loggerOptions } from "@taskflow/runtime/service";
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from "@taskflow/testing/databases";
import { client, expectProblem, http } from "@taskflow/testing/http";
import { logSink } from "@taskflow/testing/log-sink";
import { TcpProxy, viaProxy } from "@taskflow/testing/tcp-proxy";
import { eventually } from "@taskflow/testing/wait";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PASSWORD = "outage password 123";

function apiEnv(databaseUrl: string): ApiEnv {
  return parseApiEnv({
    NODE_ENV: "test",
    AUTH_RATE_LIMIT: "1000",
    BETTER_AUTH_URL: "http://localhost:3000",
    MCP_URL: "http://127.0.0.1:9/mcp",
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: "outage-test-secret-0123456789abcdef0123",
    MCP_TOKEN_SECRET: "outage-test-mcp-secret-0123456789abcdef",
    // Short, so the silent-network test below does not wait the default 20 s.
    DATABASE_QUERY_TIMEOUT_MS: "3000",
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe.skipIf(!testDatabaseUrl)(
  "database outage behind a TCP proxy (PostgreSQL; skipped without TEST_DATABASE_URL)",
  () => {
    let db: TestDatabase;
    let proxy: TcpProxy;
    let database: Database;
    let app: FastifyInstance;
    let url: string;
    let token: string;
    let email: string;
    const logs = logSink();

    beforeAll(async () => {
      db = await createTestDatabase("postgres");
      const target = new URL(db.url ?? "");
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      const env = apiEnv(viaProxy(db.url ?? "", proxy));
      database = await openDatabase(env);
      ({ app } = await buildApp({
        env,
        database,
        logger: { ...loggerOptions("info", "api"), stream: logs.stream },
      }));
      url = await app.listen({ port: 0, host: "127.0.0.1" });
      email = `outage-${Date.now()}@example.com`;
      const up = await http<{ token: string }>(url, "POST", "/api/auth/sign-up/email", {
        json: { name: "Outage", email, password: PASSWORD },
      });
      expect(up.status).toBe(200);
      token = up.body.token;
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
      await proxy?.close();
      await db?.dispose();
    });

    const api = () => client(url, { authorization: `Bearer ${token}` });

    it("serves and is ready while the database is reachable", async () => {
      expect((await http(url, "GET", "/readyz")).status).toBe(200);
      expect((await api().post("/api/tasks", { json: { title: "before the outage" } })).status).toBe(201);
    });

    it("a saturated pool is busy, not down: /readyz stays 200 while every pool connection runs a long query", async () => {
      const poolSize = apiEnv("postgres://x@127.0.0.1/x").DATABASE_POOL_SIZE;
      const busy = Array.from({ length: poolSize + 2 }, () => database.execute("select pg_sleep(2.5)"));
      try {
        await new Promise((resolve) => setTimeout(resolve, 200)); // every connection is now sleeping
        const { result, ms } = await timed(() => http(url, "GET", "/readyz"));
        expect(result.status, result.text).toBe(200);
        expect(ms).toBeLessThan(1000);
      } finally {
        await Promise.all(busy);
      }
    });

    it("fails readiness within 2 s and answers 503 problem+json quickly on every route when the database goes away", async () => {
      const before = await api().get<{ items: { id: number; title: string }[] }>("/api/tasks");
      const taskId = before.body.items[0]?.id ?? 1;
      await proxy.cut();

      const readyAfter = await eventually(
        async () => (await http(url, "GET", "/readyz")).status === 503,
        "readiness to fail",
        2000,
      );
      expect(readyAfter).toBeLessThan(2000);
      const ready = await http<{ status: string }>(url, "GET", "/readyz");
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe("database_unavailable");
      // Liveness is about the process, which is fine: no restart loop while the database is away.
      expect((await http(url, "GET", "/healthz")).status).toBe(200);

      const a = api();
      const calls: [string, () => ReturnType<typeof a.get>][] = [
        ["list", () => a.get("/api/tasks")],
        ["create", () => a.post("/api/tasks", { json: { title: "during the outage" } })],
        ["get", () => a.get(`/api/tasks/${taskId}`)],
        ["patch", () => a.patch(`/api/tasks/${taskId}`, { json: { title: "changed during the outage" } })],
        ["put", () => a.put(`/api/tasks/${taskId}`, { json: { title: "replaced during the outage" } })],
        ["toggle", () => a.patch(`/api/tasks/${taskId}/complete`)],
        ["delete", () => a.delete(`/api/tasks/${taskId}`)],
        [
          "sign-in",
          () => http(url, "POST", "/api/auth/sign-in/email", { json: { email, password: PASSWORD } }),
        ],
        [
          "get-session",
          () => http(url, "GET", "/api/auth/get-session", { headers: { authorization: `Bearer ${token}` } }),
        ],
      ];
      for (const [label, call] of calls) {
        const { result, ms } = await timed(call);
        expect(result.status, `${label}: ${result.text}`).toBe(503);
        expectProblem(result, 503);
        expect(result.headers.get("retry-after"), label).toBe("5");
        expect(ms, label).toBeLessThan(5000);
      }
      // A burst does not pile up or hang either.
      const { result: burst, ms } = await timed(() =>
        Promise.all(Array.from({ length: 20 }, () => a.get("/api/tasks"))),
      );
      expect(burst.map((r) => r.status)).toEqual(Array(20).fill(503));
      expect(ms).toBeLessThan(5000);
    });

    it("recovers within 5 s of the database coming back, without a restart, with nothing half-written", async () => {
      await proxy.restore();
      const readyAfter = await eventually(
        async () => (await http(url, "GET", "/readyz")).status === 200,
        "readiness to return",
        5000,
      );
      expect(readyAfter).toBeLessThan(5000);
      const list = await api().get<{ items: { title: string; completed: boolean }[] }>("/api/tasks");
      expect(list.status).toBe(200);
      // Exactly the state from before the outage: none of the refused writes happened.
      expect(list.body.items).toEqual([
        expect.objectContaining({ title: "before the outage", completed: false }),
      ]);
      expect((await api().post("/api/tasks", { json: { title: "after the outage" } })).status).toBe(201);
      const signIn = await http(url, "POST", "/api/auth/sign-in/email", {
        json: { email, password: PASSWORD },
      });
      expect(signIn.status).toBe(200);
    });

    it("survives a second outage the same way (no one-off recovery)", async () => {
      await proxy.cut();
      await eventually(
        async () => (await http(url, "GET", "/readyz")).status === 503,
        "readiness to fail",
        2000,
      );
      expect((await api().get("/api/tasks")).status).toBe(503);
      await proxy.restore();
      await eventually(
        async () => (await api().get("/api/tasks")).status === 200,
        "the api to serve again",
        5000,
      );
      expect((await http(url, "GET", "/readyz")).status).toBe(200);
    });

    it("a network that goes silent (packets held, no reset) fails queries at DATABASE_QUERY_TIMEOUT_MS with 503, then recovers", async () => {
      expect((await api().get("/api/tasks")).status).toBe(200);
      proxy.pause();
      try {
        const { result, ms } = await timed(() => api().get("/api/tasks"));
        expect(result.status, result.text).toBe(503);
        expectProblem(result, 503);
        expect(proxy.heldChunks).toBeGreaterThan(0); // the query really was on the wire, not refused
        expect(ms).toBeGreaterThanOrEqual(2900);
        expect(ms).toBeLessThan(6000);
      } finally {
        proxy.resume();
      }
      await eventually(
        async () => (await api().get("/api/tasks")).status === 200,
        "the api to serve again",
        5000,
      );
      expect((await api().post("/api/tasks", { json: { title: "after the silence" } })).status).toBe(201);
    });

    it("logged the outage without leaking the bearer token, the password or the email", () => {
      const text = logs.lines.join("\n");
      expect(text).toMatch(/database unavailable/);
      for (const secret of [token, PASSWORD, email])
        expect(text.includes(secret), secret.slice(0, 6)).toBe(false);
    });
  },
);

describe("api whose database is unreachable from the start", () => {
  let app: FastifyInstance;
  let database: Database;
  let url: string;

  beforeAll(async () => {
    // A loopback port with nothing listening on it.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const env = apiEnv(`postgres://taskflow:taskflow@127.0.0.1:${port}/taskflow`);
    database = await openDatabase(env);
    ({ app } = await buildApp({ env, database }));
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("starts, stays live, reports not ready, and answers 503 rather than crashing", async () => {
    expect((await http(url, "GET", "/healthz")).status).toBe(200);
    const { result: ready, ms } = await timed(() => http<{ status: string }>(url, "GET", "/readyz"));
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe("database_unavailable");
    expect(ms).toBeLessThan(2000);
    const signUp = await http(url, "POST", "/api/auth/sign-up/email", {
      json: { name: "x", email: "x@example.com", password: PASSWORD },
    });
    expectProblem(signUp, 503);
    expectProblem(
      await http(url, "GET", "/api/tasks", { headers: { authorization: "Bearer some-token" } }),
      503,
    );
    // Bad input is still bad input, without needing the database.
    expectProblem(await http(url, "GET", "/api/tasks"), 401);
    expect((await http(url, "GET", "/healthz")).status).toBe(200);
  });
});
