// LLM mode as real OpenAI-compatible providers behave (OpenAI, vLLM, Ollama, LM Studio, Gemini's endpoint):
// the history a follow-up turn sends, what a turn that fails half-way reports and stores, safe retries,
// strict role alternation, tool results and schemas as the model sees them, provider error classes,
// what reaches the logs, and per-step timeouts. The local mock plays the provider and checks the wire
// format of every request it receives; everything else is the product over real HTTP.
import { buildApp } from "@taskflow/api/app";
import { parseApiEnv } from "@taskflow/api/env";
import { appendMessage } from "@taskflow/core/conversations";
import { loggerOptions } from "@taskflow/runtime/service";
import { engines } from "@taskflow/testing/databases";
import {
  type ChatMessage,
  contentText,
  type MockReply,
  type RecordedRequest,
  sequenceError,
} from "@taskflow/testing/llm-mock";
import { logSink } from "@taskflow/testing/log-sink";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChatTurn,
  chatClient,
  failedTurnConversation,
  llmEnv,
  type Problem,
  type ToolCall,
  useLlmChat,
} from "./chat-helpers";

const LLM_TIMEOUTS = { CHAT_TIMEOUT_MS: "8000" };

type ChatProblem = Problem & { conversation_id?: number; tool_calls?: ToolCall[]; retry_after?: number };

/** The structured result of the last tool message, which must be one JSON object serialised once. */
function lastToolJson(request: RecordedRequest): Record<string, unknown> {
  const tool = [...request.messages].reverse().find((m) => m.role === "tool");
  if (typeof tool?.content !== "string")
    throw new Error(`no tool message with string content: ${JSON.stringify(tool)}`);
  return JSON.parse(tool.content) as Record<string, unknown>;
}

describe.each(engines)("LLM mode as real providers behave, on %s", (engine) => {
  const llm = useLlmChat(engine, { name: "Provider User", env: LLM_TIMEOUTS });

  /** The model adds `title`, then answers with `then` (a reply, or a failure of the second step). */
  function scriptAdd(title: string, then: MockReply | ((r: RecordedRequest) => MockReply)) {
    llm.mock.script({ toolCalls: [{ name: "add_task", arguments: { title } }] }, then);
  }

  async function countTasks(title: string) {
    return (await llm.chat.tasks()).items.filter((t) => t.title === title).length;
  }

  describe("1. follow-up turns carry the stored tool calls and results", () => {
    it("turn 2 sends turn 1's tool call and result as assistant tool_calls + a tool message with the same id", async () => {
      scriptAdd("Buy oat milk", (r) => ({ text: `Added task #${String(lastToolJson(r).task_id)}.` }));
      const first = (await llm.chat.send({ message: "add buy oat milk" })).body as ChatTurn;
      const taskId = (first.tool_calls[0]?.result as { task_id?: number } | undefined)?.task_id;
      llm.mock.script({ text: `It is task #${String(taskId)}` });
      const second = await llm.chat.send({
        conversation_id: first.conversation_id,
        message: "what id did it get?",
      });
      expect(second.status).toBe(200);

      const sent = llm.mock.requests.at(-1) as RecordedRequest;
      expect(sequenceError(sent.messages, true)).toBeUndefined();
      expect(sent.messages.map((m) => m.role)).toEqual([
        "system",
        "user",
        "assistant",
        "tool",
        "assistant",
        "user",
      ]);
      const call = sent.messages[2]?.tool_calls?.[0];
      expect(call?.function.name).toBe("add_task");
      expect(JSON.parse(call?.function.arguments ?? "{}")).toEqual({ title: "Buy oat milk" });
      expect(sent.messages[3]?.tool_call_id).toBe(call?.id);
      expect(call?.id).toMatch(/^[A-Za-z0-9]{9}$/); // Mistral's templates accept only these
      expect(JSON.parse(contentText(sent.messages[3]))).toEqual({
        task_id: taskId,
        status: "created",
        title: "Buy oat milk",
      });
      expect(contentText(sent.messages[4])).toBe(first.response);
      expect(contentText(sent.messages[5])).toBe("what id did it get?");
    });

    it("a long conversation is trimmed to CHAT_HISTORY_TOKENS by whole turns, oldest first", async () => {
      const small = await startTestStack(engine, {
        db: llm.stack.db,
        env: llmEnv(llm.mock.baseUrl, { ...LLM_TIMEOUTS, CHAT_HISTORY_TOKENS: "300" }),
      });
      try {
        const client = chatClient(small, llm.user);
        scriptAdd("Trimmed task", { text: "Added it." });
        const first = (await client.send({ message: "add trimmed task" })).body as ChatTurn;
        for (let i = 1; i <= 4; i++) {
          llm.mock.script({ text: `reply ${i} ${"x".repeat(300)}` });
          const turn = await client.send({
            conversation_id: first.conversation_id,
            message: `message ${i} ${"y".repeat(300)}`,
          });
          expect(turn.status).toBe(200);
        }
        const sent = llm.mock.requests.at(-1) as RecordedRequest;
        expect(sequenceError(sent.messages, true)).toBeUndefined();
        const texts = sent.messages.map(contentText);
        expect(texts.at(-1)).toMatch(/^message 4 /);
        expect(texts.some((t) => t.startsWith("message 3 "))).toBe(true); // the newest earlier turn stays
        expect(texts.some((t) => t.startsWith("message 1 "))).toBe(false);
        expect(texts).not.toContain("add trimmed task");
        expect(sent.messages.some((m) => m.role === "tool" || m.tool_calls)).toBe(false); // dropped whole
        const history = sent.messages.slice(1, -1);
        expect(JSON.stringify(history).length / 4).toBeLessThanOrEqual(300 + 100);
      } finally {
        await small.close();
      }
    });
  });

  describe("2. a turn that fails after a tool ran says what was done, and retries are safe", () => {
    const cases: { name: string; next: MockReply; status: number; why: RegExp }[] = [
      {
        name: "a 500 on the next step",
        next: { status: 500, error: "boom" },
        status: 503,
        why: /could not be reached/,
      },
      {
        name: "a timeout on the next step",
        next: { delayMs: 20_000, text: "late" },
        status: 504,
        why: /took too long/,
      },
      { name: "an empty final text", next: { text: "" }, status: 502, why: /could not use/ },
    ];
    it.each(cases)(
      "$name → the problem and the stored reply say the task was added",
      async ({ next, status, why }) => {
        const title = `Partial ${status}`;
        llm.mock.script({ toolCalls: [{ name: "add_task", arguments: { title } }] });
        llm.mock.setFallback(next);
        const { status: got, body } = await llm.chat.send({ message: `add ${title}` });
        const problem = body as ChatProblem;
        expect(got).toBe(status);
        expect(problem.detail).toMatch(new RegExp(`^I added “${title}” but could not finish: `));
        expect(problem.detail).toMatch(why);
        expect(problem.tool_calls).toEqual([
          expect.objectContaining({
            tool: "add_task",
            result: expect.objectContaining({ status: "created", title }),
          }),
        ]);
        const stored = await llm.chat.conversation(failedTurnConversation(body));
        expect(stored.body.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
        expect(stored.body.messages[1]?.content).toBe(problem.detail);
        expect(stored.body.messages[1]?.tool_calls).toEqual(problem.tool_calls);
        expect(await countTasks(title)).toBe(1);
      },
    );

    it("a streamed turn's error event carries what was done", async () => {
      llm.mock.script({ toolCalls: [{ name: "add_task", arguments: { title: "Streamed partial" } }] });
      llm.mock.setFallback({ status: 500, error: "boom" });
      const { events } = await llm.chat.stream({ message: "add streamed partial" });
      const error = events.at(-1);
      expect(error?.event).toBe("error");
      expect(error?.data).toMatchObject({
        status: 503,
        detail: expect.stringMatching(/^I added “Streamed partial” but could not finish: /),
        tool_calls: [expect.objectContaining({ tool: "add_task" })],
      });
    });

    it("the same client_turn_id (body or Idempotency-Key) returns the stored result without running again", async () => {
      scriptAdd("Idempotent milk", { text: "Added idempotent milk." });
      const body = { message: "add idempotent milk", client_turn_id: "turn-0001" };
      const first = await llm.chat.send(body);
      expect(first.status).toBe(200);
      const requestsAfterFirst = llm.mock.requests.length;

      const again = await llm.chat.send(body);
      expect(again).toMatchObject({ status: 200, body: first.body });
      const viaHeader = await llm.chat.send(
        { message: "add idempotent milk" },
        { headers: { "idempotency-key": "turn-0001" } },
      );
      expect(viaHeader.status).toBe(200);
      expect(viaHeader.body).toEqual(first.body);
      const streamed = await llm.chat.stream(body);
      expect(streamed.events.map((e) => e.event)).toEqual(["start", "done"]);
      expect(streamed.events[1]?.data).toEqual(first.body);

      expect(llm.mock.requests.length).toBe(requestsAfterFirst);
      expect(await countTasks("Idempotent milk")).toBe(1);
      const stored = await llm.chat.conversation((first.body as ChatTurn).conversation_id);
      expect(stored.body.messages).toHaveLength(2);
    });

    it("retrying a turn that failed after its tool ran returns the stored failure, not a second task", async () => {
      llm.mock.script({ toolCalls: [{ name: "add_task", arguments: { title: "Once only" } }] });
      llm.mock.setFallback({ status: 500, error: "boom" });
      const body = { message: "add once only", client_turn_id: "retry-after-failure" };
      const first = await llm.chat.send(body);
      expect(first.status).toBe(503);
      const requests = llm.mock.requests.length;
      const retry = await llm.chat.send(body);
      expect(retry.status).toBe(503);
      expect((retry.body as ChatProblem).detail).toBe((first.body as ChatProblem).detail);
      expect((retry.body as ChatProblem).tool_calls).toEqual((first.body as ChatProblem).tool_calls);
      expect(llm.mock.requests.length).toBe(requests);
      expect(await countTasks("Once only")).toBe(1);
    });

    it("a turn still running → 409; an id reused for another message → 409; bad ids → 400; nothing runs", async () => {
      llm.mock.script({ delayMs: 1500, text: "slow but fine" });
      const body = { message: "slow hello", client_turn_id: "running-turn" };
      const running = llm.chat.send(body);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const concurrent = await llm.chat.send(body);
      expect(concurrent.status).toBe(409);
      expect((concurrent.body as Problem).detail).toMatch(/still running/);
      expect((await running).status).toBe(200);

      const reused = await llm.chat.send({ message: "a different message", client_turn_id: "running-turn" });
      expect(reused.status).toBe(409);
      expect((reused.body as Problem).detail).toMatch(/already used for another message/);

      const before = llm.mock.requests.length;
      for (const bad of ["", "has space", "x".repeat(101), 42]) {
        const { status, body: problem } = await llm.chat.send({ message: "hi", client_turn_id: bad });
        expect(status, String(bad)).toBe(400);
        expect(JSON.stringify((problem as Problem).errors ?? problem)).toMatch(/client_turn_id/);
      }
      const mismatch = await llm.chat.send(
        { message: "hi", client_turn_id: "two" },
        { headers: { "idempotency-key": "one" } },
      );
      expect(mismatch.status).toBe(400);
      expect(JSON.stringify(mismatch.body)).toMatch(/Idempotency-Key/);
      expect(llm.mock.requests.length).toBe(before);
    });

    it("turn ids belong to their user: another user's turn with the same id runs on its own", async () => {
      llm.mock.script({ text: "first user's reply" });
      expect((await llm.chat.send({ message: "hello", client_turn_id: "shared-id" })).status).toBe(200);
      const other = chatClient(llm.stack, await llm.stack.signUp("Other"));
      llm.mock.script({ text: "second user's reply" });
      const theirs = await other.send({ message: "hello", client_turn_id: "shared-id" });
      expect(theirs).toMatchObject({ status: 200, body: { response: "second user's reply" } });
    });
  });

  describe("3. strict user/assistant alternation (vLLM serving Mistral)", () => {
    it("a conversation with a failed turn still works on the next turn", async () => {
      llm.mock.setStrictAlternation(true);
      llm.mock.script({ status: 500, error: "down" }, { status: 500, error: "down" });
      const failed = await llm.chat.send({ message: "first try" });
      expect(failed.status).toBe(503);
      const conversationId = failedTurnConversation(failed.body);
      llm.mock.script({ text: "Working again." });
      const next = await llm.chat.send({ conversation_id: conversationId, message: "second try" });
      expect(next).toMatchObject({ status: 200, body: { response: "Working again." } });
      expect(sequenceError((llm.mock.requests.at(-1) as RecordedRequest).messages, true)).toBeUndefined();
    });

    it("two user messages stored in a row (before failed turns kept a reply) are not sent in a row", async () => {
      llm.mock.setStrictAlternation(true);
      llm.mock.script({ text: "Hello." });
      const first = (await llm.chat.send({ message: "hello" })).body as ChatTurn;
      await appendMessage(llm.stack.db.database.db, llm.user.id, first.conversation_id, {
        role: "user",
        content: "an unanswered message",
      });
      llm.mock.script({ text: "Still here." });
      const next = await llm.chat.send({ conversation_id: first.conversation_id, message: "are you there?" });
      expect(next).toMatchObject({ status: 200, body: { response: "Still here." } });
    });

    it("the mock itself refuses two user messages in a row, as vLLM does", () => {
      const users: ChatMessage[] = [
        { role: "user", content: "a" },
        { role: "user", content: "b" },
      ];
      expect(sequenceError(users, true)).toBe(
        "Conversation roles must alternate user/assistant/user/assistant/...",
      );
      expect(sequenceError(users, false)).toBeUndefined();
    });
  });

  describe("4 and 7. what the model is shown of tools", () => {
    it("a tool result is the structured result serialised once, not MCP content escaped inside JSON", async () => {
      scriptAdd("Plain json", { text: "ok" });
      expect((await llm.chat.send({ message: "add plain json" })).status).toBe(200);
      const second = llm.mock.requests[1] as RecordedRequest;
      expect(lastToolJson(second)).toEqual({
        task_id: expect.any(Number),
        status: "created",
        title: "Plain json",
      });
      // Serialised once, the tool content is a JSON string in the body (`\"task_id\"`); twice, it is `\\\"`.
      expect(second.raw).toContain('\\"task_id\\"');
      expect(second.raw).not.toContain('\\\\\\"task_id');
    });

    it("a tool error reaches the model as its text", async () => {
      llm.mock.script(
        { toolCalls: [{ name: "complete_task", arguments: { task_id: 987654 } }] },
        { text: "no such task" },
      );
      expect((await llm.chat.send({ message: "complete 987654" })).status).toBe(200);
      const tool = (llm.mock.requests[1] as RecordedRequest).messages.find((m) => m.role === "tool");
      expect(contentText(tool)).toMatch(/not found/i);
      expect(contentText(tool)).not.toMatch(/^\[\{"type"/);
    });

    it("tool schemas carry no $schema and no user_id, at any depth", async () => {
      llm.mock.script({ text: "hi" });
      expect((await llm.chat.send({ message: "hi" })).status).toBe(200);
      const tools = (llm.mock.requests[0] as RecordedRequest).tools;
      expect(tools.length).toBeGreaterThan(0);
      const keys = new Set<string>();
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === "object")
          for (const [key, sub] of Object.entries(value)) {
            keys.add(key);
            visit(sub);
          }
      };
      visit(tools);
      expect(keys.has("$schema")).toBe(false);
      expect(keys.has("user_id")).toBe(false);
      expect(JSON.stringify(tools)).not.toContain("user_id");
    });
  });

  describe("5. each provider error class gets the right advice and status", () => {
    const configuration = /administrator/;
    const cases: {
      name: string;
      reply: MockReply;
      status: number;
      detail: RegExp;
      retryAfter?: number;
    }[] = [
      {
        name: "401 bad key",
        reply: {
          status: 401,
          error: "Incorrect API key provided",
          type: "invalid_request_error",
          code: "invalid_api_key",
        },
        status: 502,
        detail: /API key was refused.*administrator must set a valid OPENAI_API_KEY/,
      },
      {
        name: "403 key without access",
        reply: { status: 403, error: "You do not have access to this project", type: "permission_denied" },
        status: 502,
        detail: /OPENAI_API_KEY/,
      },
      {
        name: "404 model_not_found (OpenAI)",
        reply: {
          status: 404,
          error: "The model `mock` does not exist",
          type: "invalid_request_error",
          code: "model_not_found",
        },
        status: 502,
        detail: /administrator must set OPENAI_MODEL/,
      },
      {
        name: "400 unknown model (Ollama wording)",
        reply: { status: 400, error: "model 'mock' not found, try pulling it first" },
        status: 502,
        detail: /OPENAI_MODEL/,
      },
      {
        name: "400 content policy",
        reply: {
          status: 400,
          error: "Your request was rejected",
          type: "invalid_request_error",
          code: "content_policy_violation",
        },
        status: 502,
        detail: /content policy.*administrator/,
      },
      {
        name: "403 content filter (Azure-style)",
        reply: {
          status: 403,
          error: "The response was filtered due to the prompt triggering content management policy",
          code: "content_filter",
        },
        status: 502,
        detail: /content policy/,
      },
      {
        name: "400 template refusal",
        reply: {
          status: 400,
          error: "Conversation roles must alternate user/assistant/user/assistant/...",
          type: "BadRequestError",
        },
        status: 502,
        detail: /administrator should check OPENAI_BASE_URL and OPENAI_MODEL/,
      },
      {
        name: "429 with Retry-After",
        reply: {
          status: 429,
          error: "Rate limit reached",
          code: "rate_limit_exceeded",
          headers: { "retry-after": "17" },
        },
        status: 503,
        detail: /try again in 17 seconds/,
        retryAfter: 17,
      },
      {
        name: "429 without Retry-After",
        reply: { status: 429, error: "Rate limit reached" },
        status: 503,
        detail: /try again in a minute/,
      },
      {
        name: "500",
        reply: { status: 500, error: "internal" },
        status: 503,
        detail: /could not be reached.*try again in a moment/,
      },
      {
        name: "mid-stream provider error",
        reply: { streamError: { message: "CUDA out of memory", type: "server_error" }, text: "Let me" },
        status: 502,
        detail: /reported an error while answering.*try again/,
      },
    ];

    it.each(cases)("$name → $status", async ({ reply, status, detail, retryAfter, name }) => {
      llm.mock.setFallback(reply);
      const started = Date.now();
      const response = await llm.chat.send({ message: `provoke ${name}` });
      const problem = response.body as ChatProblem;
      expect(response.status).toBe(status);
      expect(response.contentType).toMatch(/^application\/problem\+json/);
      expect(problem.detail).toMatch(detail);
      expect(problem.detail).not.toMatch(/rephras/i);
      if (status === 502 && !/stream/.test(name) && name !== "500") {
        expect(problem.detail).toMatch(configuration);
        expect(problem.detail).not.toMatch(/try again in a moment/);
      }
      expect(response.headers.get("retry-after")).toBe(retryAfter === undefined ? null : String(retryAfter));
      expect(problem.retry_after).toBe(retryAfter);
      // A 429 is not slept out inside the request, and a refusal is not retried.
      expect(Date.now() - started).toBeLessThan(2500);
      if (reply && "status" in reply && reply.status < 500) expect(llm.mock.requests).toHaveLength(1);
    });
  });

  describe("8. per-step timeout", () => {
    let slow: TestStack;
    beforeAll(async () => {
      slow = await startTestStack(engine, {
        db: llm.stack.db,
        env: llmEnv(llm.mock.baseUrl, { CHAT_STEP_TIMEOUT_MS: "2000", CHAT_TIMEOUT_MS: "15000" }),
      });
    });
    afterAll(async () => slow?.close());

    it("steps slower than the turn's first step budget but within CHAT_STEP_TIMEOUT_MS each finish the turn", async () => {
      llm.mock.script(
        { delayMs: 1200, toolCalls: [{ name: "add_task", arguments: { title: "Slow model task" } }] },
        { delayMs: 1200, toolCalls: [{ name: "list_tasks", arguments: {} }] },
        { delayMs: 1200, text: "Added it, slowly." },
      );
      const { status, body } = await chatClient(slow, llm.user).send({ message: "add slow model task" });
      expect(status).toBe(200);
      expect((body as ChatTurn).response).toBe("Added it, slowly.");
    });

    it("one step slower than CHAT_STEP_TIMEOUT_MS stops the turn after about that step limit", async () => {
      llm.mock.script({ delayMs: 20_000, text: "far too late" });
      const started = Date.now();
      const { status, body } = await chatClient(slow, llm.user).send({ message: "hang please" });
      const elapsed = Date.now() - started;
      expect(status).toBe(504);
      expect((body as Problem).detail).toMatch(/took too long/);
      expect(elapsed).toBeGreaterThanOrEqual(1900);
      expect(elapsed).toBeLessThan(5000);
    });
  });

  describe("6. logs of a failed turn", () => {
    it("name, status and URL only: never the user's message, the request body or the provider's echo", async () => {
      const { lines, stream: sink } = logSink();
      const env = parseApiEnv({
        NODE_ENV: "test",
        AUTH_RATE_LIMIT: "1000",
        BETTER_AUTH_URL: "http://localhost:3000",
        MCP_URL: llm.stack.mcpUrl,
        ...llmEnv(llm.mock.baseUrl, LLM_TIMEOUTS),
      });
      const { app } = await buildApp({
        env,
        database: llm.stack.db.database,
        logger: { ...loggerOptions("info", "api"), stream: sink },
      });
      const apiUrl = await app.listen({ port: 0, host: "127.0.0.1" });
      try {
        const secret = `PRIVATE-${"diary entry ".repeat(300)}`;
        const logged = chatClient({ apiUrl }, llm.user);
        for (const reply of [
          { status: 400, error: `This model's maximum context length was exceeded: ${secret}` },
          { status: 500, error: `upstream echo ${secret}` },
          { streamError: { message: `failed on ${secret}` } },
        ] satisfies MockReply[]) {
          llm.mock.reset();
          llm.mock.setFallback(reply);
          const json = await logged.send({ message: secret.slice(0, 3900) });
          expect(json.status).toBeGreaterThanOrEqual(500);
          const streamed = await logged.stream({ message: secret.slice(0, 3900) });
          expect(streamed.events.at(-1)?.event).toBe("error");
        }
        const failures = lines.filter((l) => l.includes("chat turn failed"));
        expect(failures).toHaveLength(6);
        for (const line of lines) {
          expect(line).not.toContain("PRIVATE");
          expect(line).not.toContain("diary entry");
        }
        for (const line of failures) {
          expect(line.length).toBeLessThan(1024);
          const entry = JSON.parse(line) as {
            failure?: string;
            cause?: { name?: string; status?: number; url?: string }[];
          };
          expect(entry.failure).toMatch(/^llm_/);
        }
        const http = JSON.parse(failures[0] ?? "{}") as {
          cause: { name?: string; status?: number; url?: string }[];
        };
        expect(http.cause[0]).toMatchObject({
          name: "AI_APICallError",
          status: 400,
          url: `${llm.mock.baseUrl}/chat/completions`,
        });
      } finally {
        await app.close();
      }
    });
  });
});
