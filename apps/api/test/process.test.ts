// The api as a real process (`node --import tsx apps/api/src/server.ts`): environment validation at
// start, production-mode auth for non-browser clients, and the graceful drain on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from "@taskflow/testing/databases";
import { freePort } from "@taskflow/testing/processes";
import { TcpProxy, viaProxy } from "@taskflow/testing/tcp-proxy";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SECRETS = {
  BETTER_AUTH_SECRET: "process-test-secret-0123456789abcdef0123",
  MCP_TOKEN_SECRET: "process-test-mcp-secret-0123456789abcdef",
};

interface Running {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const started: ChildProcess[] = [];

/** Starts the api with exactly `env` (plus PATH/HOME), never the test runner's own environment. */
function startApi(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on("data", (chunk) => stdout.push(String(chunk)));
  child.stderr?.on("data", (chunk) => stderr.push(String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  return { child, stdout, stderr, exited };
}

/** Waits until GET `path` answers `status` (or the process dies, or time runs out). */
async function waitFor(running: Running, url: string, status = 200, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (running.child.exitCode !== null)
      throw new Error(`api exited ${running.child.exitCode}: ${running.stderr.join("")}`);
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === status) return;
    await res?.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${url} did not answer ${status} in ${timeoutMs} ms: ${running.stdout.join("").slice(-2000)}`,
  );
}

/** The api in production mode on a free port of 127.0.0.1 (test secrets, `env` on top), once it is ready. */
async function startProductionApi(env: Record<string, string>): Promise<{ running: Running; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const running = startApi({
    ...SECRETS,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    ...env,
  });
  await waitFor(running, `${base}/readyz`);
  return { running, base };
}

/**
 * A plain HTTP client like curl: unlike fetch it sends no Sec-Fetch-* or Origin headers, which is how
 * scripts and API clients talk to the api.
 */
function curl(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(
      url,
      { method, headers: { ...(payload ? { "content-type": "application/json" } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

describe("api process: environment validation", () => {
  it("exits 1 with one stderr line naming each bad variable", async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ PORT: "abc" }, ["PORT"]],
      [{ PORT: "70000", LOG_LEVEL: "loud" }, ["PORT", "LOG_LEVEL"]],
      [{ DATABASE_URL: "mysql://x" }, ["DATABASE_URL"]],
      [
        { DATABASE_URL: "postgres://taskflow@127.0.0.1:1/taskflow" },
        ["BETTER_AUTH_SECRET", "MCP_TOKEN_SECRET"],
      ],
      [
        { NODE_ENV: "production", BETTER_AUTH_SECRET: "too-short" },
        ["BETTER_AUTH_SECRET", "MCP_TOKEN_SECRET"],
      ],
    ];
    const runs = cases.map(([env]) => startApi(env));
    const results = await Promise.all(runs.map((run) => run.exited));
    results.forEach((result, i) => {
      const [env, names] = cases[i] ?? [{}, []];
      const run = runs[i];
      const label = JSON.stringify(env);
      expect(result.code, label).toBe(1);
      const lines = (run?.stderr.join("") ?? "").split("\n").filter((line) => line.trim());
      expect(lines, label).toHaveLength(1);
      const [line = ""] = lines;
      expect(line).toMatch(/^api: invalid environment: /);
      for (const name of names) expect(line, label).toContain(name);
      // A message, not a stack trace; and the bad secret's value is not echoed.
      expect(line).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
      expect(line).not.toContain("too-short");
      expect(run?.stdout.join("") ?? "").toBe("");
    });
  });
});

describe("api process on the embedded database", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "taskflow-process-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("serves in production mode: curl-like clients sign in without an Origin, cross-site cookie posts are refused, SIGTERM exits 0", async () => {
    const { running, base } = await startProductionApi({
      TASKFLOW_DATA_DIR: dataDir,
      BETTER_AUTH_URL: "http://localhost:3000",
      SHUTDOWN_GRACE_MS: "5000",
    });

    const email = `proc-${Date.now()}@example.com`;
    const up = await curl(`${base}/api/auth/sign-up/email`, "POST", {
      name: "Proc",
      email,
      password: "process password 1",
    });
    expect(up.status, up.body).toBe(200);
    const signIn = await curl(`${base}/api/auth/sign-in/email`, "POST", {
      email,
      password: "process password 1",
    });
    expect(signIn.status, signIn.body).toBe(200);
    const token = (JSON.parse(signIn.body) as { token: string }).token;
    expect(signIn.headers["set-auth-token"]).toBeTruthy();
    const created = await curl(
      `${base}/api/tasks`,
      "POST",
      { title: "from a script" },
      { authorization: `Bearer ${token}` },
    );
    expect(created.status, created.body).toBe(201);
    // In production (unlike under the test runner) Better Auth checks origins: a cross-site post that
    // rides on the cookie is refused, and so is a cross-site sign-in.
    const cookie = String(signIn.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
    const csrf = await curl(
      `${base}/api/auth/sign-out`,
      "POST",
      {},
      { cookie, origin: "https://evil.example" },
    );
    expect(csrf.status).toBe(403);
    expect(csrf.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const crossSite = await curl(
      `${base}/api/auth/sign-in/email`,
      "POST",
      { email, password: "process password 1" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" },
    );
    expect(crossSite.status).toBe(403);
    // The session was not signed out by the refused request.
    expect((await curl(`${base}/api/tasks`, "GET", undefined, { cookie })).status).toBe(200);

    const logs = running.stdout.join("");
    expect(logs).toContain('"service":"api"');
    expect(logs.includes(token)).toBe(false);
    expect(logs.includes("process password 1")).toBe(false);

    const signalled = performance.now();
    running.child.kill("SIGTERM");
    const exit = await running.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(5000);
    expect(running.stdout.join("")).toMatch(/draining/);
  });
});

describe.skipIf(!testDatabaseUrl)(
  "api process on PostgreSQL: graceful shutdown (skipped without TEST_DATABASE_URL)",
  () => {
    let db: TestDatabase;
    let proxy: TcpProxy;
    afterAll(async () => {
      await proxy?.close();
      await db?.dispose();
    });

    async function startBehindProxy(graceMs: number) {
      db ??= await createTestDatabase("postgres");
      if (!proxy) {
        const target = new URL(db.url ?? "");
        proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
        await proxy.start();
      }
      const { running, base } = await startProductionApi({
        DATABASE_URL: viaProxy(db.url ?? "", proxy),
        SHUTDOWN_GRACE_MS: String(graceMs),
      });
      const up = await curl(`${base}/api/auth/sign-up/email`, "POST", {
        name: "Drain",
        email: `drain-${Date.now()}@example.com`,
        password: "drain password 1",
      });
      expect(up.status, up.body).toBe(200);
      const token = (JSON.parse(up.body) as { token: string }).token;
      return { running, base, headers: { authorization: `Bearer ${token}` } };
    }

    /** Starts a request and waits until its query is held at the paused proxy, i.e. truly in flight. */
    async function inFlight(url: string, headers: Record<string, string>) {
      proxy.pause();
      const response = fetch(url, { headers });
      response.catch(() => {}); // observed by the caller; never an unhandled rejection
      const deadline = performance.now() + 5000;
      while (proxy.heldChunks === 0 && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(proxy.heldChunks).toBeGreaterThan(0);
      return { response };
    }

    /** True once a new client is no longer served: readiness 503, or the listener is gone. */
    async function notServing(base: string): Promise<boolean> {
      try {
        const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        return res.status === 503;
      } catch {
        return true;
      }
    }

    it("on SIGTERM: stops taking traffic, lets the in-flight request finish with 2xx, then exits 0", async () => {
      const { running, base, headers } = await startBehindProxy(8000);
      const created = await fetch(`${base}/api/tasks`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ title: "survives the drain" }),
      });
      expect(created.status).toBe(201);

      const { response } = await inFlight(`${base}/api/tasks`, headers);
      const signalled = performance.now();
      running.child.kill("SIGTERM");
      const deadline = performance.now() + 2000;
      while (!(await notServing(base)) && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(await notServing(base)).toBe(true);
      // Still draining: the process waits for the request it already accepted.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(running.child.exitCode).toBeNull();

      proxy.resume();
      const res = await response;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { title: string }[] };
      expect(body.items.map((t) => t.title)).toEqual(["survives the drain"]);

      const exit = await running.exited;
      expect(exit.code, running.stdout.join("") + running.stderr.join("")).toBe(0);
      expect(exit.at - signalled).toBeLessThan(8000);
      const logs = running.stdout.join("");
      expect(logs).toMatch(/draining/);
      expect(logs).toMatch(/"msg":"stopped"/);
    });

    it("exits within SHUTDOWN_GRACE_MS when an in-flight request never finishes", async () => {
      const { running, headers, base } = await startBehindProxy(1500);
      await inFlight(`${base}/api/tasks`, headers);
      const signalled = performance.now();
      running.child.kill("SIGTERM");
      const exit = await running.exited;
      proxy.resume();
      const took = exit.at - signalled;
      // It waited for the request (about the grace period), then gave up rather than hang.
      expect(took).toBeGreaterThan(1000);
      expect(took).toBeLessThan(1500 + 5000); // far below the 20 s query timeout that would end it otherwise
      expect(exit.code).not.toBe(0);
    });
  },
);
