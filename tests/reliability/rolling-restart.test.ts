// Rolling restart: SIGTERM each api replica in turn under load and start it again once it has exited, as a
// Deployment rollout does. Readiness flips before the drain and the proxy stops routing to a replica whose
// /readyz fails or whose connection is refused: zero failed requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createUsers,
  describeSummary,
  describeVerification,
  runLoad,
  summarize,
  verify,
} from "./harness/load";
import { evidence } from "./harness/settings";
import { type Stack, startStack } from "./harness/stack";

const USERS = 40;

describe("rolling restart", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it("SIGTERM each replica in turn under load, restart it after exit: zero failed requests", async () => {
    const users = await createUsers(stack.url, USERS);
    const events: string[] = [];
    let loadDone = false;
    const rollout = (async () => {
      await new Promise((r) => setTimeout(r, 4_000));
      for (const replica of stack.apis) {
        const t0 = Date.now();
        const pid = replica.proc?.pid;
        const exit = await replica.signal("SIGTERM");
        const drained = Date.now() - t0;
        const ready = await replica.start();
        // As a rollout waits for the new pod to be Ready before it terminates the next one: the next
        // replica goes down only once the proxy routes to this one again (a fixed pause could end before
        // the proxy's once-a-second probe has seen it, leaving no replica to serve).
        const routed = await stack.proxy.waitForReady([replica.name], 10_000);
        events.push(
          `${replica.name} (pid ${pid}) SIGTERM → exited (${exit}) after ${drained} ms drain → restarted, ready in ${Math.round(ready)} ms, routed to again ${Math.round(routed)} ms later`,
        );
        await new Promise((r) => setTimeout(r, 3_000));
      }
    })();
    // The load runs until the rollout is over, plus a few seconds.
    const loadPromise = (async () => {
      const reports = [];
      while (!loadDone) reports.push(await runLoad(stack.url, users, 4, { retryIdempotent: false }));
      return reports;
    })();
    await rollout;
    await new Promise((r) => setTimeout(r, 2_000));
    loadDone = true;
    const reports = await loadPromise;
    const report = {
      records: reports.flatMap((r) => r.records),
      users,
      seconds: reports.reduce((n, r) => n + r.seconds, 0),
    };
    for (const e of events) evidence(`[rolling] ${e}`);
    const summary = summarize(report);
    evidence(describeSummary("rolling", summary));
    evidence(`[rolling] proxy: ${JSON.stringify(stack.proxy.stats)}`);
    const verification = await verify(stack.db, users);
    evidence(describeVerification("rolling", verification));

    expect(events).toHaveLength(2);
    // Zero failed requests, with no client retries at all (retryIdempotent: false).
    expect(summary.serverErrors).toBe(0);
    expect(summary.networkErrors).toBe(0);
    expect(stack.proxy.stats.upstreamFailed).toBe(0);
    expect(stack.proxy.stats.noReplica).toBe(0);
    expect(verification.missing).toEqual([]);
    expect(verification.contentMismatches).toEqual([]);
    // Exactly what was acknowledged (a replayed write could only add a row if it had reached a replica).
    expect(verification.unexpectedRows).toBeLessThanOrEqual(stack.proxy.stats.retriedResetWrites);
    expect(stack.apis.every((a) => a.starts === 2)).toBe(true);
  });
});
