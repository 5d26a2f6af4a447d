// A real local stand-in for an OpenAI-compatible endpoint (POST /v1/chat/completions on 127.0.0.1), so
// the agent's LLM mode runs its true path — AI SDK → HTTP → SSE parsing → MCP tools — without a network.
// Each test scripts the replies it wants, in order, and reads back the requests the agent sent. Faults are
// replies too (an HTTP error, an error mid-stream, a stall, no answer at all, a body no endpoint sends,
// a delay), and `close()` takes the endpoint down (connections refused): the api tests and the
// reliability suite (an api process pointed at it) use this one mock.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A tool call as the model would emit it; `arguments` is sent verbatim when it is a string (so it can be broken JSON). */
export interface MockToolCall {
  name: string;
  arguments: string | Record<string, unknown>;
  id?: string;
}

export type MockReply =
  /** An assistant message: text, tool calls, or both. Streamed in small pieces when the request asks to stream. */
  | { text?: string; toolCalls?: MockToolCall[]; delayMs?: number }
  /**
   * An HTTP error from the endpoint, e.g. 401 bad key or 500, with the body's `error.code`/`error.type`
   * (default `server_error`, null) and response headers (e.g. Retry-After) as real providers send them.
   */
  | {
      status: number;
      error: string;
      code?: string | null;
      type?: string;
      headers?: Record<string, string>;
      delayMs?: number;
    }
  /** A 200 stream that sends `text`, then an `{"error": …}` chunk, as providers report a failure mid-answer. */
  | { streamError: { message: string; type?: string; code?: string | null }; text?: string }
  /** Sends the first piece of the text, then never finishes: the model hangs mid-answer. */
  | { stallAfter: string }
  /** Reads the request and never answers, not even a status line: a model far too slow for the caller. */
  | { hang: true }
  /** A 200 whose body is `rawBody` verbatim (default application/json): what no OpenAI-compatible endpoint sends. */
  | { rawBody: string; contentType?: string; delayMs?: number };

/** A reply, or a function of the request that builds one (to echo ids the MCP server returned). */
export type MockStep = MockReply | ((request: RecordedRequest) => MockReply);

export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content?: string | null | { type: string; text?: string }[];
  tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

export interface RecordedRequest {
  model: string;
  stream: boolean;
  messages: ChatMessage[];
  tools: {
    type: "function";
    function: { name: string; description?: string; parameters: Record<string, unknown> };
  }[];
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** The request body exactly as received. */
  raw: string;
}

export interface LlmMock {
  /** Base URL to give as OPENAI_BASE_URL, ending in /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues replies for the next requests, first in first out. */
  script(...steps: MockStep[]): void;
  /** What to answer once the queue is empty (default: HTTP 500 naming the unscripted request). */
  setFallback(step: MockStep | undefined): void;
  /**
   * Strict alternation, as vLLM serving Mistral enforces it: after the system message, user and assistant
   * turns must alternate (tool messages ride with the assistant message that asked for them); two user
   * messages in a row are refused with a 400.
   */
  setStrictAlternation(on: boolean): void;
  /** Forgets queued replies, the fallback, recorded requests and strict alternation. */
  reset(): void;
  /** Takes the endpoint down: open connections are cut and new ones refused. Closing twice is harmless. */
  close(): Promise<void>;
}

const CHUNK = 7;

export async function startLlmMock(): Promise<LlmMock> {
  const queue: MockStep[] = [];
  const requests: RecordedRequest[] = [];
  let fallback: MockStep | undefined;
  let strictAlternation = false;
  let counter = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number, res: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(!res.destroyed);
      }, ms);
      timers.add(timer);
      res.once("close", () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve(false);
      });
    });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error" },
        }),
      );
      return;
    }
    const raw = await readBody(req);
    const body = JSON.parse(raw) as Record<string, unknown>;
    const recorded: RecordedRequest = {
      model: String(body.model),
      stream: body.stream === true,
      messages: (body.messages ?? []) as ChatMessage[],
      tools: (body.tools ?? []) as RecordedRequest["tools"],
      authorization: req.headers.authorization,
      body,
      raw,
    };
    requests.push(recorded);
    // What every OpenAI-compatible server checks before answering: the message sequence.
    const invalid = sequenceError(recorded.messages, strictAlternation);
    if (invalid) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: invalid, type: "invalid_request_error", code: null } }));
      return;
    }
    const step = queue.shift() ?? fallback;
    const reply: MockReply =
      step === undefined
        ? { status: 500, error: `llm-mock: no reply scripted for request #${requests.length}` }
        : typeof step === "function"
          ? step(recorded)
          : step;

    if ("hang" in reply) return; // the client's timeout (or close()) tears the socket down
    if ("delayMs" in reply && reply.delayMs && !(await wait(reply.delayMs, res))) return;
    if ("rawBody" in reply) {
      res.writeHead(200, { "content-type": reply.contentType ?? "application/json" });
      res.end(reply.rawBody);
      return;
    }
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(
        JSON.stringify({
          error: { message: reply.error, type: reply.type ?? "server_error", code: reply.code ?? null },
        }),
      );
      return;
    }
    const id = `chatcmpl-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    if ("stallAfter" in reply) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write(
        sse(chunk(id, created, recorded.model, { role: "assistant", content: reply.stallAfter }, null)),
      );
      return; // never ends; the client's abort (or close()) tears the socket down
    }
    if ("streamError" in reply) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.write(
        sse(chunk(id, created, recorded.model, { role: "assistant", content: reply.text ?? "" }, null)),
      );
      res.write(
        sse({
          error: {
            message: reply.streamError.message,
            type: reply.streamError.type ?? "server_error",
            code: reply.streamError.code ?? null,
          },
        }),
      );
      res.end("data: [DONE]\n\n");
      return;
    }
    const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({
      id: call.id ?? `call_${counter}_${index}`,
      type: "function" as const,
      function: {
        name: call.name,
        arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments),
      },
    }));
    const finishReason = toolCalls.length > 0 ? "tool_calls" : "stop";
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

    if (!recorded.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created,
          model: recorded.model,
          choices: [
            {
              index: 0,
              message: {
                role: "assistant",
                content: reply.text ?? null,
                ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
              },
              finish_reason: finishReason,
            },
          ],
          usage,
        }),
      );
      return;
    }

    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const write = (data: unknown) => res.write(sse(data));
    write(chunk(id, created, recorded.model, { role: "assistant", content: "" }, null));
    for (const piece of pieces(reply.text ?? ""))
      write(chunk(id, created, recorded.model, { content: piece }, null));
    toolCalls.forEach((call, index) => {
      // The first delta names the call; its arguments follow in several pieces, as real endpoints send them.
      write(
        chunk(
          id,
          created,
          recorded.model,
          {
            tool_calls: [
              { index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } },
            ],
          },
          null,
        ),
      );
      for (const piece of pieces(call.function.arguments)) {
        write(
          chunk(
            id,
            created,
            recorded.model,
            { tool_calls: [{ index, function: { arguments: piece } }] },
            null,
          ),
        );
      }
    });
    write(chunk(id, created, recorded.model, {}, finishReason));
    write({ id, object: "chat.completion.chunk", created, model: recorded.model, choices: [], usage });
    res.end("data: [DONE]\n\n");
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `llm-mock crashed: ${String(error)}` } }));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...steps) => queue.push(...steps),
    setFallback: (step) => {
      fallback = step;
    },
    setStrictAlternation: (on) => {
      strictAlternation = on;
    },
    reset() {
      queue.length = 0;
      requests.length = 0;
      fallback = undefined;
      strictAlternation = false;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Why a server following the published format would refuse `messages`, or undefined: every assistant
 * `tool_calls` message must be followed by one `tool` message per call id (and tool messages answer
 * only those), and with `strict` the roles must alternate user/assistant after an optional system message.
 */
export function sequenceError(messages: ChatMessage[], strict: boolean): string | undefined {
  let open: Set<string> | undefined;
  let lastTurnRole: "user" | "assistant" | undefined;
  for (const [i, m] of messages.entries()) {
    if (m.role === "tool") {
      if (!open?.has(m.tool_call_id ?? ""))
        return `messages[${i}]: a 'tool' message must answer a tool_call_id of the preceding assistant message`;
      open.delete(m.tool_call_id ?? "");
      continue;
    }
    if (open && open.size > 0)
      return `messages[${i}]: an assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id' (missing ${[...open].join(", ")})`;
    open = undefined;
    if (m.role === "system") {
      if (i !== 0 && strict) return "System message must be at the beginning.";
      continue;
    }
    if (m.role === "assistant" && m.tool_calls?.length) open = new Set(m.tool_calls.map((c) => c.id));
    if (strict) {
      const continuesToolTurn =
        m.role === "assistant" && lastTurnRole === "assistant" && messages[i - 1]?.role === "tool";
      if (m.role === lastTurnRole && !continuesToolTurn)
        return "Conversation roles must alternate user/assistant/user/assistant/...";
      if (lastTurnRole === undefined && m.role !== "user")
        return "Conversation roles must alternate user/assistant/user/assistant/...";
    }
    lastTurnRole = m.role;
  }
  if (open && open.size > 0)
    return `an assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id' (missing ${[...open].join(", ")})`;
  return undefined;
}

/** A loopback URL where nothing listens: the port was free a moment ago and has been released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The text of a message's content, whether the client sent a string or content parts. */
export function contentText(message: ChatMessage | undefined): string {
  const content = message?.content;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => part.text ?? "").join("");
  return "";
}

function chunk(
  id: string,
  created: number,
  model: string,
  delta: Record<string, unknown>,
  finishReason: string | null,
) {
  return {
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}
