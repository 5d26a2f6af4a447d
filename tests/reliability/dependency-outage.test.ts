// Dependency outages: with the mcp service down, and with the LLM endpoint down, slow or broken, the chat
// degrades with a clear problem+json message and the REST API is unaffected.
import { type LlmMock, startLlmMock } from "@taskflow/testing/llm-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, call, isProblem, type Result, signUp } from "./harness/client";
import { createUsers, describeSummary, runLoad, summarize } from "./harness/load";
import { evidence } from "./harness/settings";
import { type Replica, type Stack, startStack } from "./harness/stack";

const REST_OPS = new Set([
  "list",
  "get",
  "create",
  "edit",
  "replace",
  "complete",
  "delete",
  "conversations",
  "sign-in",
]);

const detail = (r: Result) => String((r.body as { detail?: string } | undefined)?.detail ?? "");
const chat = (base: string, account: Account, message = "add buy bread") =>
  call(base, "POST", "/api/chat", { headers: account.headers, body: { message }, timeoutMs: 20_000 });

describe("dependency outages", () => {
  let stack: Stack;
  let account: Account;
  beforeAll(async () => {
    stack = await startStack();
    account = await signUp(stack.url, "dep");
  });
  afterAll(() => stack?.close());

  it("mcp down: chat answers 503 with a clear message, REST is unaffected, chat recovers", async () => {
    const users = await createUsers(stack.url, 20);
    const before = await chat(stack.url, account);
    expect(before.status).toBe(200);
    const outage: Result[] = [];
    let stoppedAt = 0;
    let exitedAt = 0;
    let restartingAt = 0;
    let restartedAt = 0;
    const fault = (async () => {
      await new Promise((r) => setTimeout(r, 3_000));
      stoppedAt = Date.now();
      await stack.mcp.signal("SIGTERM");
      exitedAt = Date.now();
      evidence(`[deps] mcp stopped (SIGTERM, exited after ${Date.now() - stoppedAt} ms)`);
      for (let i = 0; i < 5; i++) outage.push(await chat(stack.url, account));
      await new Promise((r) => setTimeout(r, 3_000));
      restartingAt = Date.now();
      await stack.mcp.start();
      restartedAt = Date.now();
      evidence(`[deps] mcp started again after ${restartedAt - stoppedAt} ms`);
    })();
    const report = await runLoad(stack.url, users, 14, { retryIdempotent: false });
    await fault;
    const after = await chat(stack.url, account);

    const rest = report.records.filter((r) => REST_OPS.has(r.op));
    // Chats that began after mcp had exited and ended before its restart began: mcp was down for all of
    // their life, so each must be a 503. (A chat that overlaps the restart may reach the new mcp.)
    const chats = report.records.filter(
      (r) => !REST_OPS.has(r.op) && r.at - r.ms >= exitedAt && r.at < restartingAt,
    );
    evidence(describeSummary("deps/mcp-down", summarize(report)));
    evidence(
      `[deps] chat while mcp was down: ${outage.map((r) => `${r.status} in ${Math.round(r.ms)} ms`).join(", ")}; detail "${detail(outage[0] as Result)}"; load chats in the window ${JSON.stringify(chats.map((r) => r.status))}; REST ${rest.length} requests, failures ${rest.filter((r) => r.status >= 500 || r.networkError).length}; chat after restart ${after.status}`,
    );
    for (const r of outage) {
      expect(r.status).toBe(503);
      expect(isProblem(r)).toBe(true);
      expect(detail(r)).toMatch(/task tools are unavailable/i);
      expect(r.ms).toBeLessThan(5_000);
    }
    expect(chats.length).toBeGreaterThan(0);
    expect(chats.every((r) => r.status === 503)).toBe(true);
    expect(rest.length).toBeGreaterThan(100);
    expect(rest.filter((r) => r.status >= 500 || r.networkError)).toEqual([]);
    expect(after.status).toBe(200);
  });

  describe("LLM endpoint", () => {
    let mock: LlmMock;
    let llmApi: Replica;
    beforeAll(async () => {
      mock = await startLlmMock();
      llmApi = await stack.startExtraApi("api-llm", {
        OPENAI_API_KEY: "sk-reliability-mock",
        OPENAI_BASE_URL: mock.baseUrl,
        OPENAI_MODEL: "mock",
        CHAT_TIMEOUT_MS: "3000",
      });
    });
    afterAll(() => mock?.close());

    /** Chat on the LLM-configured replica while REST keeps being called on it and through the proxy. */
    async function chatWhileRest(): Promise<{ turn: Result; rest: Result[] }> {
      const rest: Result[] = [];
      let done = false;
      const restLoop = (async () => {
        while (!done) {
          rest.push(await call(llmApi.url, "GET", "/api/tasks?limit=20", { headers: account.headers }));
          rest.push(
            await call(stack.url, "POST", "/api/tasks", {
              headers: account.headers,
              body: { title: "rest during llm trouble" },
            }),
          );
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const turn = await chat(llmApi.url, account, "hello there");
      done = true;
      await restLoop;
      return { turn, rest };
    }

    function report(label: string, turn: Result, rest: Result[]) {
      const failures = rest.filter((r) => r.status >= 400 || r.networkError);
      evidence(
        `[deps] LLM ${label}: chat ${turn.status} in ${Math.round(turn.ms)} ms, "${detail(turn) || (turn.body as { response?: string })?.response}"; REST meanwhile ${rest.length} requests, ${failures.length} failed, slowest ${Math.round(Math.max(...rest.map((r) => r.ms)))} ms; mock saw ${mock.requests.length} requests`,
      );
      expect(failures).toEqual([]);
    }

    it("answering: the chat works through the LLM path", async () => {
      mock.setFallback({ text: "Hello from the mock model." });
      const { turn, rest } = await chatWhileRest();
      report("up", turn, rest);
      expect(turn.status).toBe(200);
      expect((turn.body as { response: string }).response).toMatch(/mock model/);
    });

    it("slow: the turn is abandoned at CHAT_TIMEOUT_MS with 504 and a clear message; REST unaffected", async () => {
      // Never answers; the api's CHAT_TIMEOUT_MS must give up.
      mock.setFallback({ hang: true });
      const { turn, rest } = await chatWhileRest();
      report("slow", turn, rest);
      expect(turn.status).toBe(504);
      expect(isProblem(turn)).toBe(true);
      expect(detail(turn)).toMatch(/took too long/i);
      expect(turn.ms).toBeLessThan(6_000);
    });

    it("broken: an unusable reply is a 502 with a clear message; REST unaffected", async () => {
      mock.setFallback({ rawBody: '{"choices": "this is not what an LLM endpoint returns"' });
      const { turn, rest } = await chatWhileRest();
      report("garbage", turn, rest);
      expect([502, 503]).toContain(turn.status);
      expect(isProblem(turn)).toBe(true);
      expect(detail(turn)).toMatch(/AI model/i);
    });

    it("down: a refused connection is a 503 with a clear message; REST unaffected", async () => {
      await mock.close();
      const { turn, rest } = await chatWhileRest();
      report("down", turn, rest);
      expect(turn.status).toBe(503);
      expect(isProblem(turn)).toBe(true);
      expect(detail(turn)).toMatch(/could not be reached/i);
      expect(turn.ms).toBeLessThan(6_000);
    });
  });
});
