// Database outage: PostgreSQL stops for 10 s mid-load. The api answers 503 problem+json quickly (nothing
// hangs), /readyz fails, and within 5 s of the database's return everything serves again without
// restarting any process; no acknowledged write is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, isProblem, type Result, signUp } from "./harness/client";
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

const USERS = 30;
const OUTAGE_MS = 10_000;

interface Probe {
  replica: string;
  kind: "tasks" | "create" | "readyz";
  at: number;
  result: Result;
}

describe("database outage", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it("PostgreSQL down for 10 s: quick 503 problem+json, /readyz fails, all serves again within 5 s", async () => {
    const users = await createUsers(stack.url, USERS);
    const prober = await signUp(stack.url, "prober");
    const pids = stack.apis.map((a) => a.proc?.pid);
    const probes: Probe[] = [];
    let probing = true;
    // Straight at each replica (not through the proxy), so the api's own answers are observed.
    const probeLoop = Promise.all(
      stack.apis.map(async (replica) => {
        while (probing) {
          const at = Date.now();
          const [tasks, create, readyz] = await Promise.all([
            call(replica.url, "GET", "/api/tasks?limit=5", { headers: prober.headers, timeoutMs: 10_000 }),
            call(replica.url, "POST", "/api/tasks", {
              headers: prober.headers,
              body: { title: "probe" },
              timeoutMs: 10_000,
            }),
            call(replica.url, "GET", "/readyz", { timeoutMs: 10_000 }),
          ]);
          probes.push(
            { replica: replica.name, kind: "tasks", at, result: tasks },
            { replica: replica.name, kind: "create", at, result: create },
            { replica: replica.name, kind: "readyz", at, result: readyz },
          );
          await new Promise((r) => setTimeout(r, 200));
        }
      }),
    );
    let stoppedAt = 0;
    let restartedAt = 0;
    const fault = (async () => {
      await new Promise((r) => setTimeout(r, 5_000));
      stoppedAt = Date.now();
      stack.pg.stop("fast");
      evidence(`[db-outage] PostgreSQL stopped (pg_ctl stop -m fast) ${Date.now() - stoppedAt} ms`);
      await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - stoppedAt)));
      stack.pg.start();
      restartedAt = Date.now();
      evidence(`[db-outage] PostgreSQL started again after ${restartedAt - stoppedAt} ms down`);
    })();
    const report = await runLoad(stack.url, users, 5 + OUTAGE_MS / 1000 + 10, { retryIdempotent: false });
    await fault;
    probing = false;
    await probeLoop;

    const summary = summarize(report);
    evidence(describeSummary("db-outage", summary));
    evidence(`[db-outage] proxy: ${JSON.stringify(stack.proxy.stats)}`);
    const during = probes.filter((p) => p.at > stoppedAt + 500 && p.at + p.result.ms < restartedAt);
    const apiCalls = during.filter((p) => p.kind !== "readyz");
    const readyz = during.filter((p) => p.kind === "readyz");
    const slowest = Math.max(...apiCalls.map((p) => p.result.ms));
    evidence(
      `[db-outage] direct probes during the outage: ${apiCalls.length} api calls, statuses ${JSON.stringify(countBy(apiCalls.map((p) => p.result.status)))}, problem+json ${apiCalls.filter((p) => isProblem(p.result)).length}, slowest ${Math.round(slowest)} ms; /readyz ${JSON.stringify(countBy(readyz.map((p) => p.result.status)))}`,
    );
    const recovery = stack.apis.map((replica) => {
      const ok = probes.find(
        (p) =>
          p.replica === replica.name && p.kind === "create" && p.at >= restartedAt && p.result.status === 201,
      );
      const okRead = probes.find(
        (p) =>
          p.replica === replica.name && p.kind === "tasks" && p.at >= restartedAt && p.result.status === 200,
      );
      return Math.max(
        ok ? ok.at + ok.result.ms - restartedAt : Number.POSITIVE_INFINITY,
        okRead ? okRead.at + okRead.result.ms - restartedAt : Number.POSITIVE_INFINITY,
      );
    });
    evidence(
      `[db-outage] first successful read and write after the restart: ${stack.apis.map((a, i) => `${a.name} ${Math.round(recovery[i] ?? -1)} ms`).join(", ")}`,
    );
    const loadDuring = report.records.filter((r) => r.at > stoppedAt + 500 && r.at - r.ms < restartedAt);
    const lateFailures = report.records.filter(
      (r) => r.at - r.ms > restartedAt + 5_000 && (r.status >= 500 || r.networkError),
    );
    evidence(
      `[db-outage] load during the outage: ${loadDuring.length} answers ${JSON.stringify(countBy(loadDuring.map((r) => r.networkError ?? r.status)))}; failures starting 5 s after the restart: ${lateFailures.length}`,
    );
    const verification = await verify(stack.db, users);
    evidence(describeVerification("db-outage", verification));

    expect(stoppedAt).toBeGreaterThan(0);
    // Quick 503 problem+json from the api itself, nothing hanging.
    expect(apiCalls.length).toBeGreaterThan(10);
    expect(apiCalls.every((p) => p.result.status === 503 && isProblem(p.result))).toBe(true);
    expect(slowest).toBeLessThan(4_000);
    expect(readyz.length).toBeGreaterThan(4);
    expect(readyz.every((p) => p.result.status === 503)).toBe(true);
    // Through the proxy: 503s only, never a 500 or a dropped connection.
    expect(report.records.filter((r) => r.networkError)).toEqual([]);
    expect(report.records.filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);
    // Back within 5 s, same processes.
    expect(Math.max(...recovery)).toBeLessThan(5_000);
    expect(lateFailures).toEqual([]);
    expect(stack.apis.map((a) => a.proc?.pid)).toEqual(pids);
    expect(stack.apis.every((a) => a.running && a.starts === 1)).toBe(true);
    // No acknowledged write lost (writes that got a 503 are not acknowledged).
    expect(verification.missing).toEqual([]);
    expect(verification.contentMismatches).toEqual([]);
    expect(verification.conversationProblems).toEqual([]);
    expect(verification.unexpectedRows).toBeLessThanOrEqual(verification.allowedUnexpected);
  });
});

function countBy(values: (string | number)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
