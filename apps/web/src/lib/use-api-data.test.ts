import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "./api";
import { isLoading, settle } from "./use-api-data";

// A real HTTP server answering as the api (or a proxy in front of it) can.
// Ports from the kernel (listen on 0): a fixed port can be taken by any other process or test worker.
let base = "";
let closedPort = 0;
let server: Server;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/problem") {
      response.writeHead(400, { "content-type": "application/problem+json" });
      response.end(
        JSON.stringify({
          type: "about:blank",
          status: 400,
          title: "Bad Request",
          detail: "querystring.status must be one of all, pending, completed, deleted",
          errors: [
            { field: "querystring.status", message: "must be one of all, pending, completed, deleted" },
          ],
        }),
      );
    } else if (request.url === "/bad-gateway") {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html><body>nginx</body></html>");
    } else if (request.url === "/html-200") {
      response.writeHead(200, { "content-type": "text/html" });
      response.end("<html>login</html>");
    } else if (request.url === "/slow") {
      setTimeout(() => response.end("{}"), 2000);
    } else {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ items: [1, 2] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was free a moment ago and that nothing listens on now.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string) => (signal: AbortSignal) => api<unknown>(`${base}${path}`, { signal });

describe("useApiData's loads", () => {
  it("hands over the data of a successful load", async () => {
    expect(await settle(get("/ok"), new AbortController().signal)).toEqual({
      ok: true,
      data: { items: [1, 2] },
    });
  });

  it("reports a problem+json failure in the api's own words", async () => {
    expect(await settle(get("/problem"), new AbortController().signal)).toEqual({
      ok: false,
      error: "querystring.status must be one of all, pending, completed, deleted",
    });
  });

  it("says in plain words when a proxy answers with its own error page", async () => {
    expect(await settle(get("/bad-gateway"), new AbortController().signal)).toEqual({
      ok: false,
      error: "The server is not reachable right now. Try again in a moment.",
    });
  });

  it("does not show the JSON parser's message for an answer that is not JSON", async () => {
    const outcome = await settle(get("/html-200"), new AbortController().signal);
    expect(outcome).toEqual({
      ok: false,
      error: "Taskflow's server sent an answer that could not be read. Try again in a moment.",
    });
  });

  it("says the server is unreachable when nothing listens", async () => {
    const outcome = await settle(
      (signal) => api(`http://127.0.0.1:${closedPort}/x`, { signal }),
      new AbortController().signal,
    );
    expect(outcome).toEqual({
      ok: false,
      error: "Could not reach Taskflow. Check your connection and try again.",
    });
  });

  it("reports nothing for a load that was aborted (a newer one replaced it)", async () => {
    const controller = new AbortController();
    const pending = settle(get("/slow"), controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeNull();
  });

  it("drops the answer of a load aborted after it arrived", async () => {
    const controller = new AbortController();
    const outcome = await settle(async () => {
      controller.abort();
      return "stale";
    }, controller.signal);
    expect(outcome).toBeNull();
  });
});

describe("useApiData's loading", () => {
  const asked = { url: "/api/tasks?view=all", refreshKey: 0, reloads: 0 };

  it("is on from the render that asks for other data: a new URL, refresh key or reload", () => {
    expect(isLoading(asked, null)).toBe(true);
    expect(isLoading({ ...asked, url: "/api/tasks?view=today" }, asked)).toBe(true);
    expect(isLoading({ ...asked, refreshKey: 1 }, asked)).toBe(true);
    expect(isLoading({ ...asked, reloads: 1 }, asked)).toBe(true);
  });

  it("is off once the answer to exactly that request has arrived, and when nothing is asked", () => {
    expect(isLoading(asked, { ...asked })).toBe(false);
    expect(isLoading({ ...asked, url: null }, null)).toBe(false);
    expect(isLoading({ ...asked, url: null }, asked)).toBe(false);
  });

  it("stays on when only an older request has settled (its answer is stale)", () => {
    const older = { ...asked, url: "/api/tasks?q=pa" };
    expect(isLoading({ ...asked, url: "/api/tasks?q=pay" }, older)).toBe(true);
  });
});
