// GET /api/events through the built standalone web server's /api proxy, to the real api (in-process
// test stack on PGlite): the stream passes through unbuffered and uncompressed, stays open while quiet
// for longer than the proxy's API_TIMEOUT_MS, carries a change made meanwhile within 2 s, and a browser
// that goes away closes the api's stream too.
import type { Task } from "@taskflow/contracts";
import { http } from "@taskflow/testing/http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { eventually } from "@taskflow/testing/wait";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEvents } from "../../apps/api/test/events-helpers";
import { ensureWebBuild, startWebServer, type WebServer } from "./browser/web-server";

/** The web server's API_TIMEOUT_MS here: the event stream below stays quiet for longer than this. */
const API_TIMEOUT_MS = 1500;

let stack: TestStack;
let web: WebServer;
let user: TestUser;

beforeAll(async () => {
  ensureWebBuild();
  // No heartbeat during the test: the stream is truly quiet.
  stack = await startTestStack("pglite", { env: { EVENT_HEARTBEAT_MS: "60000" } });
  user = await stack.signUp("Proxy");
  web = await startWebServer({ API_URL: stack.apiUrl, API_TIMEOUT_MS: String(API_TIMEOUT_MS) });
}, 300_000);

afterAll(async () => {
  await web?.stop();
  await stack?.close();
});

const openStreamsOnApi = async () => {
  const text = await (await fetch(`${stack.apiUrl}/metrics`)).text();
  return Number(/^taskflow_event_streams(?:\{[^}]*\})? (\d+)$/m.exec(text)?.[1] ?? Number.NaN);
};

describe("GET /api/events through the web's /api proxy", () => {
  it("streams unbuffered and uncompressed, outlives API_TIMEOUT_MS of quiet, and carries a change within 2 s", async () => {
    const reader = await openEvents(web.url, { ...user.headers, "accept-encoding": "gzip, br" });
    try {
      expect(reader.status).toBe(200);
      expect(reader.headers.get("content-type")).toContain("text/event-stream");
      expect(reader.headers.get("content-encoding")).toBeNull();
      expect(reader.headers.get("x-accel-buffering")).toBe("no");
      expect(reader.headers.get("cache-control")).toContain("no-transform");
      // The first bytes (retry and a comment) arrive while the api holds the stream open.
      await eventually(() => reader.retries.includes(3000), "the retry field through the proxy", 3000);
      await new Promise((resolve) => setTimeout(resolve, API_TIMEOUT_MS * 2));
      expect(reader.isEnded()).toBe(false);
      const started = Date.now();
      const created = await http<Task>(web.url, "POST", "/api/tasks", {
        headers: user.headers,
        json: { title: "Through the proxy" },
      });
      expect(created.status).toBe(201);
      const event = await reader.waitFor("the change", (e) => e.data.task?.id === created.body.id, 2000);
      expect(event.event).toBe("task.created");
      expect(event.at - started).toBeLessThan(2000);
    } finally {
      reader.close();
    }
  });

  it("closes the api's stream when the browser goes away", async () => {
    const reader = await openEvents(web.url, user.headers);
    expect(reader.status).toBe(200);
    await eventually(async () => (await openStreamsOnApi()) === 1, "the stream open on the api");
    reader.close();
    await eventually(async () => (await openStreamsOnApi()) === 0, "the api's stream closed", 3000);
  });
});
