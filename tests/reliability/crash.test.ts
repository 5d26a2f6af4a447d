// Crash: kill -9 one api replica mid-load. The other keeps serving, idempotent calls succeed through the
// client's retry policy, and no acknowledged write is lost. The killed replica then rejoins.
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

const SECONDS = 24;
const USERS = 40;

describe("crash", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it("kill -9 of one api replica mid-load: the other serves, no acknowledged write is lost", async () => {
    const users = await createUsers(stack.url, USERS);
    const [victim, survivor] = stack.apis as [Stack["apis"][0], Stack["apis"][0]];
    let exitedAt = 0;
    let restartingAt = 0;
    let servedBySurvivorBefore = 0;
    const fault = (async () => {
      await new Promise((r) => setTimeout(r, 8_000));
      servedBySurvivorBefore = stack.proxy.stats.byReplica[survivor.name] ?? 0;
      evidence(`[crash] kill -9 ${victim.name} (pid ${victim.proc?.pid}) with ${USERS} users active`);
      await victim.signal("SIGKILL");
      exitedAt = Date.now();
      await new Promise((r) => setTimeout(r, 8_000));
      restartingAt = Date.now();
      const ms = await victim.start();
      // Rejoined = routed to again: the proxy's own readiness probe (every second) has seen it.
      const routedAfter = await stack.proxy.waitForReady([victim.name], 10_000);
      evidence(
        `[crash] ${victim.name} started again, ready in ${Math.round(ms)} ms, back in the proxy's rotation ${Math.round(routedAfter)} ms later`,
      );
    })();
    const report = await runLoad(stack.url, users, SECONDS, { retryIdempotent: true });
    await fault;
    const summary = summarize(report);
    evidence(describeSummary("crash", summary));
    evidence(`[crash] proxy: ${JSON.stringify(stack.proxy.stats)}`);

    // Requests sent after the victim had died and answered before its restart began: none of them can
    // have been in flight on it, so each must succeed (refused connections are replayed by the proxy).
    // Measured from when each request started, not when it ended: a write in flight on the victim may
    // fail, however late its 502 is recorded on a busy machine.
    const afterKill = report.records.filter((r) => r.at - r.ms >= exitedAt && r.at < restartingAt);
    const failed = report.records.filter((r) => r.status >= 500 || r.networkError);
    const failedIdempotent = failed.filter(
      (r) => ["GET", "PUT", "DELETE"].includes(r.method) || ["edit"].includes(r.op),
    );
    evidence(
      `[crash] while ${victim.name} was down: ${afterKill.length} requests, ${afterKill.filter((r) => r.status >= 200 && r.status < 300).length} succeeded; failures overall ${failed.length} (${failed.map((r) => `${r.op}:${r.status || r.networkError}`).join(", ") || "none"}), of them idempotent ${failedIdempotent.length}`,
    );
    const verification = await verify(stack.db, users, stack.proxy.stats.retriedResetWrites);
    evidence(describeVerification("crash", verification));

    // The survivor kept serving.
    expect((stack.proxy.stats.byReplica[survivor.name] ?? 0) - servedBySurvivorBefore).toBeGreaterThan(50);
    expect(afterKill.length).toBeGreaterThan(50);
    expect(afterKill.every((r) => r.status >= 200 && r.status < 500)).toBe(true);
    // Idempotent calls always succeed with the retry policy; only writes in flight on the killed replica may fail.
    expect(failedIdempotent).toEqual([]);
    expect(failed.length).toBeLessThanOrEqual(USERS);
    // No acknowledged write lost; extra rows only from writes whose answer was lost.
    expect(verification.missing).toEqual([]);
    expect(verification.contentMismatches).toEqual([]);
    expect(verification.conversationProblems).toEqual([]);
    expect(verification.unexpectedRows).toBeLessThanOrEqual(verification.allowedUnexpected);
    // The restarted replica rejoined.
    expect(stack.proxy.readyReplicas().sort()).toEqual(["api-1", "api-2"]);
  });
});
