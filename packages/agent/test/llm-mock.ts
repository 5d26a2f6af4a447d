// A real local stand-in for an OpenAI-compatible endpoint (POST /v1/chat/completions on 127.0.0.1), so
// the agent's LLM mode runs its true path — AI SDK → HTTP → SSE parsing → MCP tools — without a network.
// Each test scripts the replies it wants, in order, and reads back the requests the agent sent.
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
  /** An HTTP error from the endpoint, e.g. 401 bad key or 500. */
  | { status: number; error: string; delayMs?: number }
  /** Sends the first piece of the text, then never finishes: the model hangs mid-answer. */
  | { stallAfter: string };

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
}

export interface LlmMock {
  /** Base URL to give as OPENAI_BASE_URL, ending in /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Queues replies for the next requests, first in first out. */
  script(...steps: MockStep[]): void;
  /** What to answer once the queue is empty (default: HTTP 500 naming the unscripted request). */
  setFallback(step: MockStep | undefined): void;
  /** Forgets queued replies, the fallback and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const CHUNK = 7;

export async function startLlmMock(): Promise<LlmMock> {
  const queue: MockStep[] = [];
  const requests: RecordedRequest[] = [];
  let fallback: MockStep | undefined;
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
    };
    requests.push(recorded);
    const step = queue.shift() ?? fallback;
    const reply: MockReply =
      step === undefined
        ? { status: 500, error: `llm-mock: no reply scripted for request #${requests.length}` }
        : typeof step === "function"
          ? step(recorded)
          : step;

    if ("delayMs" in reply && reply.delayMs && !(await wait(reply.delayMs, res))) return;
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: reply.error, type: "server_error", code: null } }));
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
    reset() {
      queue.length = 0;
      requests.length = 0;
      fallback = undefined;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
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
