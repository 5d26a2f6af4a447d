// The LLM mock speaks the published Chat Completions wire format, and its faults are what they say they
// are: the api tests and the reliability suite rely on both.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LlmMock, startLlmMock } from "./llm-mock";

const ask = (mock: LlmMock, body: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(`${mock.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
    body: JSON.stringify({ model: "mock-model", messages: [{ role: "user", content: "hi" }], ...body }),
    ...(signal ? { signal } : {}),
  });

/** The `data:` payloads of an SSE body, `[DONE]` included. */
const dataLines = (text: string) =>
  text
    .split("\n\n")
    .filter((event) => event.startsWith("data: "))
    .map((event) => event.slice("data: ".length));

describe("llm mock", () => {
  let mock: LlmMock;
  beforeEach(async () => {
    mock = await startLlmMock();
  });
  afterEach(() => mock.close());

  it("answers a non-streamed request with a chat.completion and records the request", async () => {
    mock.script({ text: "Hello there", toolCalls: [{ name: "list_tasks", arguments: { status: "all" } }] });
    const response = await ask(mock, { stream: false });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      object: string;
      model: string;
      choices: { message: { content: string; tool_calls: { function: { arguments: string } }[] } }[];
    };
    expect(body.object).toBe("chat.completion");
    expect(body.model).toBe("mock-model");
    expect(body.choices[0]?.message.content).toBe("Hello there");
    expect(JSON.parse(body.choices[0]?.message.tool_calls[0]?.function.arguments ?? "")).toEqual({
      status: "all",
    });
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0]?.authorization).toBe("Bearer sk-test");
    expect(mock.requests[0]?.stream).toBe(false);
  });

  it("streams text in chunks, then the finish reason, usage and [DONE]", async () => {
    mock.script({ text: "A longer answer than one chunk." });
    const response = await ask(mock, { stream: true });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = dataLines(await response.text());
    expect(events.at(-1)).toBe("[DONE]");
    const chunks = events.slice(0, -1).map(
      (data) =>
        JSON.parse(data) as {
          object: string;
          choices: { delta: { content?: string }; finish_reason: string | null }[];
          usage?: unknown;
        },
    );
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe(
      "A longer answer than one chunk.",
    );
    expect(chunks.filter((c) => (c.choices[0]?.delta.content ?? "").length > 0).length).toBeGreaterThan(1);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)?.usage).toBeDefined();
  });

  it("refuses a tool message that answers no call, as real servers do", async () => {
    mock.setFallback({ text: "unused" });
    const response = await ask(mock, {
      messages: [
        { role: "user", content: "hi" },
        { role: "tool", tool_call_id: "call_x", content: "{}" },
      ],
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/tool_call_id/);
  });

  it("sends an HTTP error with the provider's headers", async () => {
    mock.script({
      status: 429,
      error: "slow down",
      code: "rate_limit_exceeded",
      headers: { "retry-after": "7" },
    });
    const response = await ask(mock, {});
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({
      error: { message: "slow down", type: "server_error", code: "rate_limit_exceeded" },
    });
  });

  it("answers an unscripted request with a 500 naming it", async () => {
    const response = await ask(mock, {});
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/no reply scripted for request #1/);
  });

  it("hang: never answers, not even the status line", async () => {
    mock.setFallback({ hang: true });
    const started = Date.now();
    await expect(ask(mock, {}, AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(mock.requests).toHaveLength(1);
  });

  it("rawBody: sends a body no endpoint would", async () => {
    mock.setFallback({ rawBody: '{"choices": "not a list"' });
    const response = await ask(mock, {});
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"choices": "not a list"');
  });

  it("delayMs: answers after the delay", async () => {
    mock.script({ text: "late", delayMs: 200 });
    const started = Date.now();
    const response = await ask(mock, { stream: false });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("close: the endpoint is down (connection refused), and closing again is harmless", async () => {
    mock.setFallback({ hang: true });
    const pending = ask(mock, {}).then(
      () => "answered",
      () => "cut",
    );
    await new Promise((r) => setTimeout(r, 100));
    await mock.close();
    expect(await pending).toBe("cut");
    await expect(ask(mock, {})).rejects.toThrow();
    await mock.close();
  });
});
