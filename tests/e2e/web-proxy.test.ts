// The built standalone web server forwards /api/* to whatever API_URL says at run time (not at build
// time): method, path, query, body, cookies, several set-cookie headers and server-sent events that
// stream through unbuffered. Also its /healthz and /readyz, and the 502 when the api is unreachable.
// And what it does not pass on: the client's own X-Forwarded-For (the api trusts this hop), bodies over
// the api's limit (413 here: 1 MiB, 5 MiB for an import file), and a stalled api (a 504 in bounded
// time, then back to normal).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { freePort } from "@taskflow/testing/processes";
import { TcpProxy } from "@taskflow/testing/tcp-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild, startWebServer, type WebServer } from "./browser/web-server";

/** The web server's API_TIMEOUT_MS in this file: short, so waiting for it keeps the suite quick. */
const API_TIMEOUT_MS = 2000;
type Problem = { type: string; status: number; title: string; detail: string };

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

let web: WebServer;
let upstreamPort: number;
let upstream: Server | undefined;
const seen: Seen[] = [];
let releaseStream: () => void = () => {};
let streamEnded = false;

/** Requests the upstream is holding without an answer (the "stalled api"). */
const stalled: ServerResponse[] = [];

function handle(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? "").split("?")[0];
  if (path === "/api/stall") {
    stalled.push(response);
    return;
  }
  if (path === "/api/refuse") {
    // Like the api's guards: answer before reading the body, and close the connection.
    seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body: "" });
    response
      .writeHead(401, { "content-type": "application/problem+json", connection: "close" })
      .end('{"status":401,"title":"Unauthorized","detail":"Sign in first"}');
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
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
    } else if (path === "/api/half") {
      // Starts answering, then goes quiet for good.
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"items":[');
      stalled.push(response);
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
  for (const response of stalled.splice(0)) response.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  ensureWebBuild();
  upstreamPort = await freePort();
  // Not the default http://localhost:8000: proves the address is read when the server runs.
  web = await startWebServer({
    API_URL: `http://127.0.0.1:${upstreamPort}`,
    API_TIMEOUT_MS: String(API_TIMEOUT_MS),
  });
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
    const problem = (await response.json()) as Problem;
    expect(problem.status).toBe(502);
    expect(problem.title).toBe("API unavailable");
    // Plain words for the person reading it; never the errno (ECONNREFUSED) nor an address.
    expect(problem.detail).toMatch(/cannot be reached right now/);
    expect(problem.detail).not.toMatch(/E[A-Z]{4,}|127\.0\.0\.1|:\d{2,5}/);
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

  it("tells the api who connected, whatever X-Forwarded-* the client sent", async () => {
    for (const forwardedFor of ["203.0.113.9", "198.51.100.1, 127.0.0.1", "unknown"]) {
      seen.length = 0;
      const response = await fetch(`${web.url}/api/items/1`, {
        headers: {
          "x-forwarded-for": forwardedFor,
          "x-real-ip": "203.0.113.10",
          forwarded: "for=203.0.113.11;proto=https",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
          "x-forwarded-port": "443",
          "x-taskflow-peer": "guessed-token 203.0.113.12",
        },
      });
      expect(response.status).toBe(201);
      await response.body?.cancel();
      const headers = seen[0]?.headers ?? {};
      // This test talks to the web server from 127.0.0.1: that is the client the api must count.
      expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
      expect(headers["x-real-ip"]).toBe("127.0.0.1");
      expect(headers.forwarded).toBeUndefined();
      expect(headers["x-forwarded-host"]).toBe(new URL(web.url).host);
      expect(headers["x-forwarded-proto"]).toBe("http");
      expect(headers["x-forwarded-port"]).toBeUndefined();
      expect(headers["x-taskflow-peer"]).toBeUndefined();
    }
  });

  it("answers bodies over the api's 1 MiB limit with the api's 413, every time, without forwarding them", async () => {
    seen.length = 0;
    const big = Buffer.alloc(2 * 1024 * 1024, "a");
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${web.url}/api/tasks`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: big,
        }),
      ),
    );
    for (const response of answers) {
      expect(response.status).toBe(413);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(((await response.json()) as Problem).title).toBe("Payload Too Large");
    }
    // Sent in chunks with no Content-Length: counted as it comes.
    const chunked = await fetch(`${web.url}/api/tasks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 32; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(97));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as Problem).status).toBe(413);
    expect(seen).toEqual([]);
    // Just under the limit still goes through.
    const fits = Buffer.alloc(1024 * 1024 - 100, "a");
    const response = await fetch(`${web.url}/api/tasks`, { method: "POST", body: fits });
    expect(response.status).toBe(201);
    expect(seen[0]?.body.length).toBe(fits.length);
  });

  it("lets an import file up to the import's 5 MiB through to POST /api/import, and answers 413 past it", async () => {
    seen.length = 0;
    const file = Buffer.alloc(3 * 1024 * 1024, "a");
    const fits = await fetch(`${web.url}/api/import?dry_run=true`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: file,
    });
    expect(fits.status).toBe(201);
    expect(seen[0]?.url).toBe("/api/import?dry_run=true");
    expect(seen[0]?.body.length).toBe(file.length);
    const over = await fetch(`${web.url}/api/import`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(5 * 1024 * 1024 + 1, "a"),
    });
    expect(over.status).toBe(413);
    expect(((await over.json()) as Problem).detail).toContain("5 MiB");
    // Every other body keeps the api's 1 MiB.
    const elsewhere = await fetch(`${web.url}/api/tasks`, { method: "POST", body: file });
    expect(elsewhere.status).toBe(413);
    expect(seen).toHaveLength(1);
  });

  it("passes on an answer the api gives before reading the body and closing", async () => {
    const body = Buffer.alloc(900 * 1024, "a");
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${web.url}/api/refuse`, { method: "POST", body });
      expect(response.status, `attempt ${i + 1}`).toBe(401);
      expect(((await response.json()) as Problem).detail).toBe("Sign in first");
    }
  });

  it("gives up on an api that does not answer with a 504 in plain words, in bounded time", async () => {
    const started = performance.now();
    const response = await fetch(`${web.url}/api/stall`);
    const took = performance.now() - started;
    expect(response.status).toBe(504);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as Problem;
    expect(problem.title).toBe("The server is not answering");
    expect(problem.detail).not.toMatch(/E[A-Z]{4,}/);
    expect(took).toBeGreaterThanOrEqual(API_TIMEOUT_MS - 100);
    expect(took).toBeLessThan(API_TIMEOUT_MS + 3000);
  });

  it("ends an answer that stops half way, in bounded time", async () => {
    const started = performance.now();
    const response = await fetch(`${web.url}/api/half`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(API_TIMEOUT_MS + 3000);
  });

  it("is not ready and answers 502 again when the api goes away", async () => {
    await stopUpstream();
    expect((await fetch(`${web.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${web.url}/api/tasks`)).status).toBe(502);
    expect((await fetch(`${web.url}/healthz`)).status).toBe(200);
  });
});

// The api stalls (every byte held in both directions, as with a paused process), then comes back.
describe("web server in front of a stalled api", () => {
  let stallable: TcpProxy;
  let front: WebServer;
  let backend: Server;

  beforeAll(async () => {
    backend = createServer((request, response) => {
      request.resume();
      request.on("end", () =>
        response
          .writeHead(request.method === "POST" ? 201 : 200, { "content-type": "application/json" })
          .end(JSON.stringify({ ok: true, method: request.method })),
      );
    });
    await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
    const port = (backend.address() as { port: number }).port;
    stallable = new TcpProxy("127.0.0.1", port);
    await stallable.start();
    front = await startWebServer({
      API_URL: `http://${stallable.url}`,
      API_TIMEOUT_MS: String(API_TIMEOUT_MS),
    });
  }, 60_000);

  afterAll(async () => {
    await front?.stop();
    await stallable?.close();
    backend?.closeAllConnections();
    await new Promise<void>((resolve) => (backend ? backend.close(() => resolve()) : resolve()));
  });

  it("answers 504 while it is stalled and works again by itself once it answers", async () => {
    // A kept-alive connection to the api exists before the stall.
    expect((await fetch(`${front.url}/api/tasks`)).status).toBe(200);
    stallable.pause();
    const during = await Promise.all(
      ["GET", "POST", "PATCH"].map(async (method) => {
        const started = performance.now();
        const response = await fetch(`${front.url}/api/tasks`, {
          method,
          body: method === "GET" ? undefined : "{}",
        });
        return { status: response.status, took: performance.now() - started, body: await response.text() };
      }),
    );
    for (const answer of during) {
      expect(answer.status).toBe(504);
      expect(answer.took).toBeLessThan(API_TIMEOUT_MS + 3000);
      expect(answer.body).toContain("The server is not answering");
    }
    stallable.resume();
    // No stuck state: the very next requests work.
    for (const method of ["GET", "POST", "GET"]) {
      const response = await fetch(`${front.url}/api/tasks`, {
        method,
        body: method === "GET" ? undefined : "{}",
      });
      expect(response.status, method).toBe(method === "POST" ? 201 : 200);
      expect(((await response.json()) as { method: string }).method).toBe(method);
    }
  });
});
