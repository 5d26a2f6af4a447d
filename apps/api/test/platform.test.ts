// Everything around the routes: health and readiness, Prometheus metrics, the OpenAPI document and
// its UI, request ids, security headers, closed CORS, and logs that never carry credentials.
import { buildApp } from "@taskflow/api/app";
import { parseApiEnv } from "@taskflow/api/env";
import { loggerOptions } from "@taskflow/runtime/service";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { client, http } from "@taskflow/testing/http";
import { logSink } from "@taskflow/testing/log-sink";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const FOREIGN = "https://evil.example";

/** Value of one Prometheus sample whose labels include all of `labels`, or undefined. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of metrics.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf("}"));
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`)))
      return Number(line.slice(line.lastIndexOf("}") + 1).trim());
  }
  return undefined;
}

describe.each(engines)("platform endpoints on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine);
  });
  afterAll(() => stack?.close());

  it("/healthz answers without touching anything; /readyz reports the database ready", async () => {
    const health = await http(stack.apiUrl, "GET", "/healthz");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok" });
    const ready = await http(stack.apiUrl, "GET", "/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: "ready" });
  });

  it("/metrics counts requests by route pattern and status, with durations and process metrics", async () => {
    const user = await stack.signUp();
    const api = client(stack.apiUrl, user.headers);
    const scrape = async () => {
      const res = await http<string>(stack.apiUrl, "GET", "/metrics");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      return res.text;
    };
    const okLabels = { method: "GET", route: "/api/tasks", status_code: "200" };
    const before = sample(await scrape(), "http_requests_total", okLabels) ?? 0;
    for (let i = 0; i < 3; i++) expect((await api.get("/api/tasks")).status).toBe(200);
    await api.get("/api/tasks/2147483647");
    await http(stack.apiUrl, "GET", "/api/tasks");
    const missingPath = `/api/no-such-route-${Date.now()}`;
    await http(stack.apiUrl, "GET", missingPath);

    const metrics = await scrape();
    expect(sample(metrics, "http_requests_total", okLabels)).toBe(before + 3);
    expect(
      sample(metrics, "http_requests_total", { route: "/api/tasks", status_code: "401" }),
    ).toBeGreaterThanOrEqual(1);
    // Ids do not become labels: the pattern does.
    expect(
      sample(metrics, "http_requests_total", { route: "/api/tasks/:id", status_code: "404" }),
    ).toBeGreaterThanOrEqual(1);
    expect(metrics).not.toContain("/api/tasks/2147483647");
    expect(metrics).not.toContain(missingPath);
    expect(sample(metrics, "http_request_duration_seconds_count", okLabels)).toBeGreaterThanOrEqual(3);
    expect(
      sample(metrics, "http_request_duration_seconds_bucket", { ...okLabels, le: "+Inf" }),
    ).toBeGreaterThanOrEqual(3);
    for (const name of [
      "process_cpu_user_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
      "nodejs_eventloop_lag_seconds",
    ]) {
      expect(metrics, name).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? \\d`, "m"));
    }
  });

  it("/api/openapi.json is OpenAPI 3.1 describing every contract path, generated from the zod schemas", async () => {
    const res = await http<{
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { schema: { properties?: Record<string, { maxLength?: number }> } }>;
            };
            parameters?: { name: string; in: string }[];
          }
        >
      >;
      components: { securitySchemes: Record<string, unknown> };
    }>(stack.apiUrl, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1\./);
    const contract: Record<string, string[]> = {
      "/api/auth/sign-up/email": ["post"],
      "/api/auth/sign-in/email": ["post"],
      "/api/auth/sign-out": ["post"],
      "/api/auth/get-session": ["get"],
      "/api/tasks": ["get", "post"],
      "/api/tasks/{id}": ["get", "patch", "put", "delete"],
      "/api/tasks/{id}/complete": ["patch"],
      "/api/{user_id}/tasks": ["get", "post"],
      "/api/{user_id}/tasks/{id}": ["get", "patch", "put", "delete"],
      "/api/{user_id}/tasks/{id}/complete": ["patch"],
      "/api/chat": ["post"],
      "/api/{user_id}/chat": ["post"],
      "/api/conversations": ["get"],
      "/api/conversations/{id}": ["get", "delete"],
      "/api/tokens": ["get", "post"],
      "/api/tokens/{id}": ["delete"],
      "/api/lists": ["get", "post"],
      "/api/lists/{id}": ["patch", "delete"],
    };
    for (const [path, methods] of Object.entries(contract)) {
      expect(Object.keys(res.body.paths), path).toContain(path);
      for (const method of methods) expect(res.body.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(Object.keys(res.body.components.securitySchemes).sort()).toEqual(["bearer", "cookie"]);
    const listParams = (res.body.paths["/api/tasks"]?.get?.parameters ?? [])
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    expect(listParams.sort()).toEqual([
      "cursor",
      "due_after",
      "due_before",
      "limit",
      "list",
      "priority",
      "q",
      "sort",
      "status",
      "tag",
      "with_total",
    ]);
    const createBody = res.body.paths["/api/tasks"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(createBody?.properties?.title?.maxLength).toBe(200);
    expect(createBody?.properties?.description?.maxLength).toBe(2000);
    const listBody = res.body.paths["/api/lists"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(listBody?.properties?.name?.maxLength).toBe(60);
  });

  it("every $ref in the OpenAPI document points at a schema the document holds", async () => {
    const res = await http<Record<string, unknown>>(stack.apiUrl, "GET", "/api/openapi.json");
    const refs = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) for (const item of value) walk(item);
      else if (value && typeof value === "object")
        for (const [key, child] of Object.entries(value)) {
          if (key === "$ref" && typeof child === "string") refs.add(child);
          else walk(child);
        }
    };
    walk(res.body);
    // Task, List, … carry an OpenAPI id: they must be written once under components and referenced.
    expect(refs.size).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], res.body);
      expect(target, `${ref} resolves`).toBeTypeOf("object");
    }
  });

  it("/api/docs serves the interactive documentation as HTML", async () => {
    const res = await http<string>(stack.apiUrl, "GET", "/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text).toMatch(/swagger/i);
    // Every script the page loads is served locally (no CDN), so the UI works offline.
    const scripts = [...res.text.matchAll(/src="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src.startsWith("/"), src).toBe(true);
      const asset = await fetch(`${stack.apiUrl}${src}`);
      expect(asset.status, src).toBe(200);
      await asset.arrayBuffer();
    }
    const spec = await http<{ openapi: string }>(stack.apiUrl, "GET", "/api/docs/json");
    expect(spec.body.openapi).toMatch(/^3\.1\./);
  });

  it("honours a well-formed x-request-id and generates one otherwise", async () => {
    const echoed = await http(stack.apiUrl, "GET", "/healthz", {
      headers: { "x-request-id": "trace-abc.123:x" },
    });
    expect(echoed.headers.get("x-request-id")).toBe("trace-abc.123:x");
    const problem = await http(stack.apiUrl, "GET", "/api/tasks", {
      headers: { "x-request-id": "on-errors-too" },
    });
    expect(problem.status).toBe(401);
    expect(problem.headers.get("x-request-id")).toBe("on-errors-too");

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const first = (await http(stack.apiUrl, "GET", "/healthz")).headers.get("x-request-id");
    const second = (await http(stack.apiUrl, "GET", "/healthz")).headers.get("x-request-id");
    expect(first).toMatch(uuid);
    expect(second).toMatch(uuid);
    expect(first).not.toBe(second);
    // Junk (spaces, control characters, absurd length) is replaced, not echoed into logs and headers.
    for (const junk of ["has spaces", "x".repeat(300), "semi;colon", "<script>"]) {
      const res = await http(stack.apiUrl, "GET", "/healthz", { headers: { "x-request-id": junk } });
      expect(res.headers.get("x-request-id")).toMatch(uuid);
    }
  });

  it("sets security headers on API, error and docs responses", async () => {
    for (const path of ["/api/tasks", "/healthz", "/api/docs", "/api/nope"]) {
      const res = await http(stack.apiUrl, "GET", path);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(res.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(res.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
      expect(res.headers.get("x-powered-by"), path).toBeNull();
    }
  });

  it("grants no CORS to a foreign origin, on preflight, API calls or auth", async () => {
    const user = await stack.signUp();
    const corsHeaders = (headers: Headers) =>
      [...headers.keys()].filter(
        (k) => k.startsWith("access-control-") && k !== "access-control-expose-headers",
      );
    const preflight = await fetch(`${stack.apiUrl}/api/tasks`, {
      method: "OPTIONS",
      headers: {
        origin: FOREIGN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(corsHeaders(preflight.headers)).toEqual([]);
    const authPreflight = await fetch(`${stack.apiUrl}/api/auth/sign-in/email`, {
      method: "OPTIONS",
      headers: {
        origin: FOREIGN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(corsHeaders(authPreflight.headers)).toEqual([]);
    const get = await fetch(`${stack.apiUrl}/api/tasks`, { headers: { ...user.headers, origin: FOREIGN } });
    expect(corsHeaders(get.headers)).toEqual([]);
    const session = await fetch(`${stack.apiUrl}/api/auth/get-session`, {
      headers: { cookie: user.cookie, origin: FOREIGN },
    });
    expect(corsHeaders(session.headers)).toEqual([]);
  });
});

describe.each(engines)("logs on %s", (engine) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const { lines, stream } = logSink();

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const env = parseApiEnv({
      NODE_ENV: "test",
      AUTH_RATE_LIMIT: "1000",
      BETTER_AUTH_URL: "http://localhost:3000",
      MCP_URL: "http://127.0.0.1:9/mcp",
    });
    // The same logger options the real server uses, writing to a stream the test reads.
    ({ app } = await buildApp({
      env,
      database: db.database,
      logger: { ...loggerOptions("debug", "api"), stream },
    }));
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it("are JSON lines with the request id, and never contain a password, token or cookie", async () => {
    const password = "log-canary-password-8731";
    const email = `log-${Date.now()}@example.com`;
    const up = await http<{ token: string }>(url, "POST", "/api/auth/sign-up/email", {
      json: { name: "Logged", email, password },
      headers: { "x-request-id": "req-sign-up" },
    });
    expect(up.status).toBe(200);
    const signIn = await http<{ token: string }>(url, "POST", "/api/auth/sign-in/email", {
      json: { email, password },
    });
    const token = signIn.body.token;
    const cookie = (signIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const cookieValue = decodeURIComponent(cookie.split("=")[1] ?? "");
    expect(token).toBeTruthy();
    expect(cookieValue.length).toBeGreaterThan(token.length);

    await http(url, "POST", "/api/auth/sign-in/email", { json: { email, password: `${password}-wrong` } });
    await http(url, "GET", "/api/tasks", {
      headers: { authorization: `Bearer ${token}`, "x-request-id": "req-list" },
    });
    await http(url, "POST", "/api/tasks", { headers: { cookie }, json: { title: "logged task" } });
    await http(url, "POST", "/api/tasks", { headers: { authorization: `Bearer ${token}` }, raw: "{bad" });
    await http(url, "GET", `/api/tasks?q=${encodeURIComponent("ok")}`, {
      headers: { authorization: `Bearer ${token}`, cookie },
    });
    await http(url, "GET", "/api/tasks", { headers: { authorization: "Bearer forged-token-value-123" } });
    await http(url, "POST", "/api/auth/sign-out", { headers: { authorization: `Bearer ${token}` } });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(lines.length).toBeGreaterThan(10);
    const records = lines.map(
      (line) => JSON.parse(line) as { reqId?: string; service?: string; level: number; msg?: string },
    );
    expect(records.every((r) => r.service === "api")).toBe(true);
    expect(records.some((r) => r.reqId === "req-sign-up")).toBe(true);
    expect(records.some((r) => r.reqId === "req-list")).toBe(true);

    const everything = lines.join("\n");
    for (const secret of [
      password,
      token,
      cookieValue,
      encodeURIComponent(cookieValue),
      "forged-token-value-123",
    ]) {
      expect(everything.includes(secret), `log leaks ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
