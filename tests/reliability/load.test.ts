// Load: 100 concurrent virtual users for 60 s doing a realistic mix through the proxy in front of two api
// replicas: zero 5xx, and every write that got a 2xx is in the database afterwards (count and content).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createUsers,
  describeSummary,
  describeVerification,
  runLoad,
  summarize,
  verify,
} from "./harness/load";
import { evidence, LOAD_SECONDS, LOAD_USERS } from "./harness/settings";
import { type Stack, startStack } from "./harness/stack";

describe("load", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it(`${LOAD_USERS} virtual users for ${LOAD_SECONDS} s: zero 5xx, every acknowledged write is in the database`, async () => {
    const users = await createUsers(stack.url, LOAD_USERS);
    evidence(
      `[load] ${users.length} users signed up through the proxy; running ${LOAD_SECONDS} s of mixed traffic (think time 100–400 ms)`,
    );
    const report = await runLoad(stack.url, users, LOAD_SECONDS);
    const summary = summarize(report);
    evidence(describeSummary("load", summary));
    evidence(`[load] proxy: ${JSON.stringify(stack.proxy.stats)}`);
    const verification = await verify(stack.db, users);
    evidence(describeVerification("load", verification));

    expect(summary.serverErrors, "no 5xx").toBe(0);
    expect(summary.networkErrors, "no failed connections").toBe(0);
    expect(summary.requests).toBeGreaterThan(LOAD_USERS * LOAD_SECONDS);
    expect(verification.missing).toEqual([]);
    expect(verification.contentMismatches).toEqual([]);
    expect(verification.readMismatches).toEqual([]);
    expect(verification.conversationProblems).toEqual([]);
    // No fault was injected: the database holds exactly what was acknowledged.
    expect(verification.unexpectedRows).toBe(0);
    expect(Object.keys(stack.proxy.stats.byReplica).sort()).toEqual(["api-1", "api-2"]);
  });
});
