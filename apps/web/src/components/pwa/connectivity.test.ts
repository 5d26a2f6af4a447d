import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api, errorMessage } from "../../lib/api";
import { OFFLINE_MESSAGE, offlineNow, reportReachable, subscribeConnectivity } from "./connectivity";

// What lib/api reports to the offline banner, against a real HTTP server and a port nothing listens on.
let server: Server;
let base: string;
let closed: string;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const spare = createServer();
  await new Promise<void>((resolve) => spare.listen(0, "127.0.0.1", resolve));
  closed = `http://127.0.0.1:${(spare.address() as { port: number }).port}`;
  await new Promise((resolve) => spare.close(resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => vi.unstubAllGlobals());

/** A browser-ish window (events only) and a navigator that says whether it is online. */
function browser(onLine: boolean): { events: string[]; window: EventTarget } {
  const window = new EventTarget();
  vi.stubGlobal("window", window);
  vi.stubGlobal("navigator", { onLine });
  reportReachable(); // a fresh page: no failed save carried over from the test before
  const events: string[] = [];
  subscribeConnectivity(() => events.push(offlineNow() ? "offline" : "online"));
  return { events, window };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "no error",
    (error: unknown) => errorMessage(error),
  );
}

describe("connectivity as the page sees it", () => {
  it("says a save cannot happen offline, in those words, and the banner shows", async () => {
    const { events } = browser(false);
    expect(offlineNow()).toBe(true);
    expect(await failure(api(`${closed}/tasks`, { method: "POST", json: { title: "x" } }))).toBe(
      OFFLINE_MESSAGE,
    );
    expect(events).toEqual(["offline"]);
  });

  it("shows the banner after a change that never got through, until an answer comes back", async () => {
    const { events } = browser(true);
    expect(offlineNow()).toBe(false);
    // Online as far as the browser knows: the form keeps the plain "could not reach" wording.
    expect(await failure(api(`${closed}/tasks/1`, { method: "PATCH", json: {} }))).toBe(
      "Could not reach Taskflow. Check your connection and try again.",
    );
    expect(offlineNow()).toBe(true);
    await api(`${base}/tasks`);
    expect(offlineNow()).toBe(false);
    expect(events).toEqual(["offline", "online"]);
  });

  it("does not call a failed read a failed save", async () => {
    const { events } = browser(true);
    expect(await failure(api(`${closed}/tasks`))).toBe(
      "Could not reach Taskflow. Check your connection and try again.",
    );
    expect(offlineNow()).toBe(false);
    expect(events).toEqual([]);
  });

  it("clears a failed save when the browser comes back online", async () => {
    const { events, window } = browser(true);
    await failure(api(`${closed}/tasks/1`, { method: "DELETE" }));
    expect(offlineNow()).toBe(true);
    window.dispatchEvent(new Event("online"));
    expect(offlineNow()).toBe(false);
    expect(events).toEqual(["offline", "online"]);
  });
});
