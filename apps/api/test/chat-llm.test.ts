// The chat agent's LLM mode end to end, on its real path: POST /api/chat → AI SDK (OpenAI-compatible
// provider) → a local mock of /v1/chat/completions → tool calls executed on the MCP server over HTTP →
// the database. The mock plays the model; everything else is the product.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { signAgentToken } from "@taskflow/core/agent-token";
import { EMBEDDED_DEV_SECRETS } from "@taskflow/runtime/env";
import { engines } from "@taskflow/testing/databases";
import { closedPortUrl, contentText, type RecordedRequest } from "@taskflow/testing/llm-mock";
import { startTestStack } from "@taskflow/testing/stack";
import { describe, expect, it } from "vitest";
import {
  type ChatTurn,
  chatClient,
  dataOf,
  failedTurnConversation,
  llmEnv,
  type Problem,
  type ToolCall,
  useLlmChat,
} from "./chat-helpers";

const TIMEOUT_MS = 3000;
const TIMEOUT_ENV = { CHAT_TIMEOUT_MS: String(TIMEOUT_MS) };

/** The tool result the agent fed back to the model, parsed from the last `tool` message of a request. */
function lastToolResult(request: RecordedRequest): string {
  const tool = [...request.messages].reverse().find((m) => m.role === "tool");
  return contentText(tool);
}

function taskIdFrom(request: RecordedRequest): number {
  // The MCP result reaches the model as JSON text inside JSON, so the quotes may come escaped.
  const match = /task_id\\?"\s*:\s*(\d+)/.exec(lastToolResult(request));
  if (!match?.[1])
    throw new Error(`no task_id in the tool result sent to the model: ${lastToolResult(request)}`);
  return Number(match[1]);
}

describe.each(engines)("chat in LLM mode against a mock OpenAI-compatible endpoint on %s", (engine) => {
  const llm = useLlmChat(engine, { name: "Llm User", env: TIMEOUT_ENV });

  /** The model asks for add_task, then confirms using the id the MCP server returned. */
  function scriptAddTask(
    args: Record<string, unknown>,
    reply = (id: number) => `Done — I added “${String(args.title)}” as task #${id}.`,
  ) {
    llm.mock.script({ toolCalls: [{ name: "add_task", arguments: args }] }, (request) => ({
      text: reply(taskIdFrom(request)),
    }));
  }

  /**
   * A failed turn that changed nothing: the user's message and an assistant message saying why it failed
   * (so the stored conversation still alternates), no successful tool call, and no half-written model text.
   */
  async function assertFailedTurnStored(conversationId: number, message: string, detail: RegExp) {
    const { status, body } = await llm.chat.conversation(conversationId);
    expect(status).toBe(200);
    expect(body.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(body.messages[0]?.content).toBe(message);
    expect(body.messages[1]?.content).toMatch(detail);
    // Calls the model got wrong may be kept for the record; none of them changed anything.
    expect(body.messages[1]?.tool_calls.every((call) => call.is_error)).toBe(true);
  }

  it("a JSON turn: the model calls add_task, the MCP server writes the database, the model's text is the reply", async () => {
    scriptAddTask({ title: "Buy milk", due: "2026-12-01", tags: ["groceries"], priority: "high" });
    const { status, body } = await llm.chat.send({
      message: "add buy milk on Dec 1st, it's urgent #groceries",
    });
    expect(status).toBe(200);
    const turn = body as ChatTurn;
    const task = (await llm.chat.tasks()).items.find((t) => t.title === "Buy milk");
    expect(task).toMatchObject({
      tags: ["groceries"],
      due_at: "2026-12-01",
      priority: "high",
      completed: false,
    });
    expect(turn).toEqual({
      conversation_id: expect.any(Number),
      response: `Done — I added “Buy milk” as task #${task?.id}.`,
      tool_calls: [
        {
          tool: "add_task",
          arguments: { title: "Buy milk", due: "2026-12-01", tags: ["groceries"], priority: "high" },
          result: { task_id: task?.id, status: "created", title: "Buy milk" },
        },
      ],
    });

    // Two model calls: the question, then the question plus the tool call and its result.
    expect(llm.mock.requests).toHaveLength(2);
    const [first, second] = llm.mock.requests as [RecordedRequest, RecordedRequest];
    expect(first.model).toBe("mock");
    expect(first.authorization).toBe("Bearer test");
    expect(first.messages[0]?.role).toBe("system");
    expect(contentText(first.messages[0])).toMatch(/Taskflow/);
    expect(contentText(first.messages[0])).toContain(new Date().toISOString().slice(0, 10));
    expect(first.messages.at(-1)).toMatchObject({ role: "user" });
    expect(contentText(first.messages.at(-1))).toBe("add buy milk on Dec 1st, it's urgent #groceries");
    const assistant = second.messages.find((m) => m.role === "assistant" && m.tool_calls?.length);
    expect(assistant?.tool_calls?.[0]?.function.name).toBe("add_task");
    expect(lastToolResult(second)).toMatch(/status\\?":\\?"created/);

    const stored = await llm.chat.conversation(turn.conversation_id);
    expect(stored.body.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "add buy milk on Dec 1st, it's urgent #groceries"],
      ["assistant", turn.response],
    ]);
    expect(stored.body.messages[1]?.tool_calls).toEqual(turn.tool_calls);
  });

  it("offers the model exactly the tools discovered from the MCP server over HTTP", async () => {
    llm.mock.script({ text: "Hello! I can manage your tasks." });
    const { status } = await llm.chat.send({ message: "hi" });
    expect(status).toBe(200);

    const client = new Client({ name: "taskflow-test", version: "0.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(llm.stack.mcpUrl), {
        requestInit: {
          headers: {
            Authorization: `Bearer ${await signAgentToken(EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET, llm.user.id)}`,
          },
        },
      }),
    );
    const { tools } = await client.listTools();
    await client.close();

    const offered = llm.mock.requests[0]?.tools ?? [];
    expect(offered.map((t) => t.function.name).sort()).toEqual(tools.map((t) => t.name).sort());
    for (const tool of tools) {
      const fn = offered.find((t) => t.function.name === tool.name)?.function;
      expect(fn?.description, tool.name).toBe(tool.description);
      // Everything but `user_id`, which the model must never fill (the user comes from the token).
      expect(Object.keys((fn?.parameters.properties ?? {}) as object).sort(), tool.name).toEqual(
        Object.keys(tool.inputSchema.properties ?? {})
          .filter((name) => name !== "user_id")
          .sort(),
      );
      expect(fn?.parameters.required ?? [], tool.name).toEqual(
        (tool.inputSchema.required ?? []).filter((name) => name !== "user_id"),
      );
    }
  });

  it("sends the conversation's history, oldest first, on the next turn", async () => {
    llm.mock.script({ text: "Noted: you like tea." });
    const first = (await llm.chat.send({ message: "remember that I like tea" })).body as ChatTurn;
    llm.mock.script({ text: "You like tea." });
    const second = await llm.chat.send({
      conversation_id: first.conversation_id,
      message: "what do I like?",
    });
    expect(second.status).toBe(200);
    expect((second.body as ChatTurn).conversation_id).toBe(first.conversation_id);
    const messages = llm.mock.requests[1]?.messages ?? [];
    expect(messages.map((m) => [m.role, contentText(m)]).slice(1)).toEqual([
      ["user", "remember that I like tea"],
      ["assistant", "Noted: you like tea."],
      ["user", "what do I like?"],
    ]);
    expect(messages[0]?.role).toBe("system");
  });

  it("streams the turn as SSE: start, tool_call, text deltas, done", async () => {
    scriptAddTask(
      { title: "Call mom" },
      (id) => `I added “Call mom” to your list as task number ${id}, nothing else changed.`,
    );
    const { status, contentType, events } = await llm.chat.stream({ message: "remind me to call mom" });
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/event-stream/);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("start");
    expect(names.at(-1)).toBe("done");
    expect(names).not.toContain("error");
    // The tool ran before the model wrote its answer.
    expect(names.indexOf("tool_call")).toBeGreaterThan(0);
    expect(names.indexOf("tool_call")).toBeLessThan(names.indexOf("text"));
    const deltas = events.filter((e) => e.event === "text").map((e) => (e.data as { delta: string }).delta);
    expect(deltas.length).toBeGreaterThan(1); // streamed in pieces, not one block at the end

    const start = events[0]?.data as { conversation_id: number };
    const toolCall = events.find((e) => e.event === "tool_call")?.data as ToolCall;
    const done = events.at(-1)?.data as ChatTurn;
    const task = (await llm.chat.tasks()).items.find((t) => t.title === "Call mom");
    expect(task).toBeDefined();
    expect(toolCall).toEqual({
      tool: "add_task",
      arguments: { title: "Call mom" },
      result: { task_id: task?.id, status: "created", title: "Call mom" },
    });
    expect(done).toEqual({
      conversation_id: start.conversation_id,
      response: deltas.join(""),
      tool_calls: [toolCall],
    });
    expect(done.response).toBe(
      `I added “Call mom” to your list as task number ${task?.id}, nothing else changed.`,
    );
    const stored = await llm.chat.conversation(start.conversation_id);
    expect(stored.body.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  });

  it("a tool error (unknown task) goes back to the model, which explains it", async () => {
    llm.mock.script(
      { toolCalls: [{ name: "complete_task", arguments: { task_id: 999999 } }] },
      (request) => ({
        text: /not found/i.test(lastToolResult(request))
          ? "I couldn't find that task."
          : `unexpected: ${lastToolResult(request)}`,
      }),
    );
    const { status, body } = await llm.chat.send({ message: "complete task 999999" });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      response: "I couldn't find that task.",
      tool_calls: [
        {
          tool: "complete_task",
          arguments: { task_id: 999999 },
          is_error: true,
          result: expect.stringMatching(/not found/i),
        },
      ],
    });
  });

  describe("when the model endpoint fails", () => {
    it("LLM down (nothing listening) → 503 with a clear message; the failure is stored as the reply", async () => {
      const down = await startTestStack(engine, {
        db: llm.stack.db,
        env: llmEnv(`${await closedPortUrl()}/v1`, TIMEOUT_ENV),
      });
      try {
        const client = chatClient(down, llm.user);
        const started = Date.now();
        const { status, contentType, body } = await client.send({ message: "add water plants" });
        expect(status).toBe(503);
        expect(contentType).toMatch(/^application\/problem\+json/);
        expect((body as Problem).detail).toMatch(/AI model could not be reached/i);
        expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 2000);
        await assertFailedTurnStored(
          failedTurnConversation(body),
          "add water plants",
          /AI model could not be reached/i,
        );
        expect((await client.tasks("?q=water")).items).toEqual([]);
      } finally {
        await down.close();
      }
    });

    it("LLM answers with an HTTP error → 503, only the failure stored as the reply", async () => {
      llm.mock.setFallback({ status: 500, error: "upstream exploded" });
      const { status, body } = await llm.chat.send({ message: "add feed the cat" });
      expect(status).toBe(503);
      expect((body as Problem).detail).toMatch(/AI model could not be reached/i);
      expect((body as Problem).detail).not.toMatch(/exploded/); // upstream details stay in the logs
      await assertFailedTurnStored(
        failedTurnConversation(body),
        "add feed the cat",
        /AI model could not be reached/i,
      );
    });

    it("LLM slower than CHAT_TIMEOUT_MS → 504 after about the timeout; only the failure stored as the reply", async () => {
      llm.mock.script({ delayMs: 20_000, text: "far too late" });
      const started = Date.now();
      const { status, contentType, body } = await llm.chat.send({ message: "add slow thing" });
      const elapsed = Date.now() - started;
      expect(status).toBe(504);
      expect(contentType).toMatch(/^application\/problem\+json/);
      expect((body as Problem).detail).toMatch(/took too long/i);
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 3000);
      await assertFailedTurnStored(failedTurnConversation(body), "add slow thing", /took too long/i);
    });

    it("a stream that stalls mid-answer → an SSE error event; the half-written text is not stored", async () => {
      llm.mock.script({ stallAfter: "Sure, I am adding" });
      const { status, events } = await llm.chat.stream({ message: "add stalled thing" });
      expect(status).toBe(200); // the stream had already started when the model stalled
      expect(events.map((e) => e.event)).toEqual(["start", "text", "error"]);
      expect(events[1]?.data).toEqual({ delta: "Sure, I am adding" });
      expect(events[2]?.data).toMatchObject({ status: 504, detail: expect.stringMatching(/took too long/i) });
      const { conversation_id } = dataOf<{ conversation_id: number }>(events[0]);
      await assertFailedTurnStored(conversation_id, "add stalled thing", /took too long/i);
    });

    it("malformed tool calls (invalid JSON arguments) → 502 with a clear message; nothing created, only the failure stored", async () => {
      llm.mock.setFallback({
        toolCalls: [{ name: "add_task", arguments: '{"title": "Broken milk", "due": ' }],
      });
      const { status, contentType, body } = await llm.chat.send({ message: "add broken milk" });
      expect(status).toBe(502);
      expect(contentType).toMatch(/^application\/problem\+json/);
      expect((body as Problem).detail).toMatch(/AI model sent a reply I could not use/i);
      expect((await llm.chat.tasks("?q=broken")).items).toEqual([]);
      await assertFailedTurnStored(failedTurnConversation(body), "add broken milk", /could not use/i);
      expect(llm.mock.requests.length).toBeLessThanOrEqual(6); // bounded steps per turn
    });

    it("a call to a tool that does not exist → 502 with a clear message; only the failure stored", async () => {
      llm.mock.setFallback({ toolCalls: [{ name: "drop_all_tasks", arguments: { everyone: true } }] });
      const { status, body } = await llm.chat.send({ message: "drop everything" });
      expect(status).toBe(502);
      expect((body as Problem).detail).toMatch(/could not use/i);
      await assertFailedTurnStored(failedTurnConversation(body), "drop everything", /could not use/i);
    });

    it("an empty answer → 502; only the failure stored as the reply", async () => {
      llm.mock.script({ text: "" });
      const { status, body } = await llm.chat.send({ message: "say nothing" });
      expect(status).toBe(502);
      expect((body as Problem).detail).toMatch(/could not use/i);
      await assertFailedTurnStored(failedTurnConversation(body), "say nothing", /could not use/i);
    });

    it("MCP server down in LLM mode → 503 'task tools are unavailable', the model is never asked", async () => {
      const noTools = await startTestStack(engine, {
        db: llm.stack.db,
        env: llmEnv(llm.mock.baseUrl, { ...TIMEOUT_ENV, MCP_URL: `${await closedPortUrl()}/mcp` }),
      });
      try {
        const client = chatClient(noTools, llm.user);
        const { status, body } = await client.send({ message: "add call the bank" });
        expect(status).toBe(503);
        expect((body as Problem).detail).toMatch(/task tools are unavailable/i);
        expect(llm.mock.requests).toHaveLength(0);
        expect((await client.tasks()).status).toBe(200);
        await assertFailedTurnStored(
          failedTurnConversation(body),
          "add call the bank",
          /task tools are unavailable/i,
        );
      } finally {
        await noTools.close();
      }
    });

    it("a malformed call the model then recovers from → 200, the failed call recorded as an error", async () => {
      llm.mock.script(
        { toolCalls: [{ name: "add_task", arguments: "{not json" }] },
        { toolCalls: [{ name: "add_task", arguments: { title: "Recovered task" } }] },
        {
          text: "Added “Recovered task”.",
        },
      );
      const { status, body } = await llm.chat.send({ message: "add recovered task" });
      expect(status).toBe(200);
      const turn = body as ChatTurn;
      expect(turn.response).toBe("Added “Recovered task”.");
      expect(turn.tool_calls.at(-1)).toMatchObject({
        tool: "add_task",
        result: { status: "created", title: "Recovered task" },
      });
      expect((await llm.chat.tasks("?q=recovered")).items).toHaveLength(1);
    });
  });
});
