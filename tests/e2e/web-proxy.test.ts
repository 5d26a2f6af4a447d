// The built standalone web server forwards /api/* to whatever API_URL says at run time (not at build
// time): method, path, query, body, cookies, several set-cookie headers and server-sent events that
// stream through unbuffered. Also its /healthz and /readyz, and the 502 when the api is unreachable.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/processes";
import { ensureWebBuild, startWebServer, type WebServer } from "./browser/web-server";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

let web: WebServer;
let upstreamPort: number;
let upstream: Server | undefined;
const seen: Seen[] = [];
let releaseStream: () => void = () => {};
let streamEnded = false;

function handle(request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
    const path = (request.url ?? "").split("?")[0];
    if (path === "/healthz") {
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    } else if (path === "/api/stream") {
      streamEnded = false;
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.write('event: start\ndata: {"conversation_id":7}\n\n');
      // The second event waits until the test has seen the first one through the proxy. The timer only
      // ends a stream nobody releases; long enough that a slow first byte through Next is not taken for
      // buffering (a buffering proxy still fails: nothing arrives before this fires).
      const finish = () => {
        response.end('event: done\ndata: {"conversation_id":7,"response":"hi","tool_calls":[]}\n\n');
        streamEnded = true;
      };
      const timer = setTimeout(finish, 20_000);
      releaseStream = () => {
        clearTimeout(timer);
        finish();
      };
    } else if (path === "/api/no-content") {
      response.writeHead(204).end();
    } else if (path === "/api/unauthorized") {
      response
        .writeHead(401, { "content-type": "application/problem+json" })
        .end('{"status":401,"title":"Unauthorized","detail":"Sign in first"}');
    } else {
      response.setHeader("set-cookie", ["session=abc; Path=/; HttpOnly", "theme=dark; Path=/"]);
      response.setHeader("x-upstream", "yes");
      response.writeHead(201, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true }));
    }
  });
}

async function startUpstream(): Promise<void> {
  upstream = createServer(handle);
  const server = upstream;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(upstreamPort, "127.0.0.1", resolve);
  });
}

async function stopUpstream(): Promise<void> {
  const server = upstream;
  upstream = undefined;
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  ensureWebBuild();
  upstreamPort = await freePort();
  // Not the default http://localhost:8000: proves the address is read when the server runs.
  web = await startWebServer({ API_URL: `http://127.0.0.1:${upstreamPort}` });
}, 300_000);

afterAll(async () => {
  await stopUpstream();
  await web?.stop();
});

describe("web server", () => {
  it("is alive without the api, not ready, and answers /api/* with a 502 problem", async () => {
    const health = await fetch(`${web.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await fetch(`${web.url}/readyz`);
    expect(ready.status).toBe(503);

    const response = await fetch(`${web.url}/api/tasks`);
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { status: number; title: string; detail: string };
    expect(problem.status).toBe(502);
    expect(problem.title).toBe("API unavailable");
    expect(problem.detail.length).toBeGreaterThan(0);
  });

  it("is ready once the api answers its /healthz", async () => {
    await startUpstream();
    const ready = await fetch(`${web.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(seen.some((request) => request.url === "/healthz")).toBe(true);
  });

  it("forwards method, path, query, body and cookies, and returns status, headers and every set-cookie", async () => {
    seen.length = 0;
    const body = JSON.stringify({ title: "Buy milk", tags: ["groceries"], note: "ünïcödé ✓" });
    const response = await fetch(
      `${web.url}/api/tasks/42?status=pending&q=milk%20run&tag=c%2B%2B&name=%C3%BC`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: "better-auth.session_token=s3cret; other=1",
          "x-custom": "kept",
        },
        body,
      },
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("x-upstream")).toBe("yes");
    expect(response.headers.getSetCookie()).toEqual(["session=abc; Path=/; HttpOnly", "theme=dark; Path=/"]);

    const request = seen.find((item) => item.url.startsWith("/api/tasks/42"));
    expect(request).toBeDefined();
    expect(request?.method).toBe("POST");
    // Next normalises the query's encoding (%20 may become +); what the api decodes must be identical.
    const [path, query] = (request?.url ?? "").split("?");
    expect(path).toBe("/api/tasks/42");
    expect([...new URLSearchParams(query)]).toEqual([
      ["status", "pending"],
      ["q", "milk run"],
      ["tag", "c++"],
      ["name", "ü"],
    ]);
    expect(request?.body).toBe(body);
    expect(request?.headers.cookie).toBe("better-auth.session_token=s3cret; other=1");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["x-custom"]).toBe("kept");
    expect(request?.headers["x-forwarded-host"]).toBe(new URL(web.url).host);
    expect(request?.headers["x-forwarded-proto"]).toBe("http");
    expect(request?.headers["x-forwarded-for"]).toBeTruthy();
  });

  it("forwards every method, and bodiless statuses", async () => {
    for (const method of ["GET", "PUT", "PATCH", "DELETE"] as const) {
      seen.length = 0;
      const response = await fetch(`${web.url}/api/items/1`, {
        method,
        headers: method === "GET" ? {} : { "content-type": "application/json" },
        body: method === "GET" ? undefined : `{"m":"${method}"}`,
      });
      expect(response.status).toBe(201);
      await response.body?.cancel();
      expect(seen[0]?.method).toBe(method);
      if (method !== "GET") expect(seen[0]?.body).toBe(`{"m":"${method}"}`);
    }
    const noContent = await fetch(`${web.url}/api/no-content`, { method: "DELETE" });
    expect(noContent.status).toBe(204);
    expect(await noContent.text()).toBe("");
    const unauthorized = await fetch(`${web.url}/api/unauthorized`);
    expect(unauthorized.status).toBe(401);
    expect(((await unauthorized.json()) as { detail: string }).detail).toBe("Sign in first");
  });

  it("streams server-sent events through without buffering", async () => {
    const response = await fetch(`${web.url}/api/stream`, {
      method: "POST",
      headers: { accept: "text/event-stream", "content-type": "application/json" },
      body: '{"message":"hi"}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("\n\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    // The first event arrived while the upstream is still holding the response open.
    expect(text).toContain("event: start");
    expect(streamEnded).toBe(false);
    releaseStream();
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text).toContain("event: done");
  });

  it("is not ready and answers 502 again when the api goes away", async () => {
    await stopUpstream();
    expect((await fetch(`${web.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${web.url}/api/tasks`)).status).toBe(502);
    expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
  });
});
