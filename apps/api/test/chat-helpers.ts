// What the chat suites share: a JSON turn, a streamed turn read as server-sent events, the REST reads
// used to check what a turn left in the database, and the setup of a suite in LLM mode (an LLM mock, a
// stack whose api talks to it, a signed-up user).
import type { ChatProblem } from "@taskflow/contracts";
import { type LlmMock, startLlmMock } from "@taskflow/testing/llm-mock";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, beforeEach } from "vitest";

export interface ToolCall {
  tool: string;
  arguments: Record<string, unknown>;
  result: unknown;
  is_error?: boolean;
}

export interface ChatTurn {
  conversation_id: number;
  response: string;
  tool_calls: ToolCall[];
}

export interface Problem {
  type: string;
  status: number;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

export interface Message {
  id: number;
  role: "user" | "assistant";
  content: string;
  tool_calls: ToolCall[];
  created_at: string;
}

export interface SseEvent {
  event: string;
  data: unknown;
}

export type ChatClient = ReturnType<typeof chatClient>;

export function chatClient(stack: Pick<TestStack, "apiUrl">, user: TestUser) {
  const json = { ...user.headers, "content-type": "application/json" };
  return {
    /** POST /api/chat (or `path`) without Accept: text/event-stream, with `headers` added. */
    async send(
      body: Record<string, unknown>,
      options: { path?: string; headers?: Record<string, string> } = {},
    ) {
      const response = await fetch(`${stack.apiUrl}${options.path ?? "/api/chat"}`, {
        method: "POST",
        headers: { ...json, ...options.headers },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        contentType: response.headers.get("content-type") ?? "",
        body: text ? (JSON.parse(text) as unknown) : null,
      };
    },
    /** POST /api/chat asking for a stream; returns every event in the order it arrived. */
    async stream(body: Record<string, unknown>) {
      const response = await fetch(`${stack.apiUrl}/api/chat`, {
        method: "POST",
        headers: { ...json, accept: "text/event-stream" },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      const isStream = (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
      return {
        status: response.status,
        contentType: response.headers.get("content-type") ?? "",
        events: isStream ? parseSse(text) : [],
        raw: text,
      };
    },
    async conversations() {
      const response = await fetch(`${stack.apiUrl}/api/conversations`, { headers: user.headers });
      return {
        status: response.status,
        body: (await response.json()) as {
          items: { id: number; title: string; created_at: string; updated_at: string }[];
        },
      };
    },
    async conversation(id: number) {
      const response = await fetch(`${stack.apiUrl}/api/conversations/${id}`, { headers: user.headers });
      const body = (await response.json()) as {
        id: number;
        title: string;
        messages: Message[];
      } & Partial<Problem>;
      return { status: response.status, body };
    },
    async tasks(query = "") {
      const response = await fetch(`${stack.apiUrl}/api/tasks${query}`, { headers: user.headers });
      return {
        status: response.status,
        items:
          response.status === 200
            ? (
                (await response.json()) as {
                  items: {
                    id: number;
                    title: string;
                    completed: boolean;
                    tags: string[];
                    due_at: string | null;
                    all_day: boolean;
                    priority: string;
                  }[];
                }
              ).items
            : [],
      };
    },
    async createTask(body: Record<string, unknown>) {
      const response = await fetch(`${stack.apiUrl}/api/tasks`, {
        method: "POST",
        headers: json,
        body: JSON.stringify(body),
      });
      if (response.status !== 201)
        throw new Error(`create task failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: number; title: string; completed: boolean; tags: string[] };
    },
  };
}

/** The data of an event that must be there (fails the test loudly when it is not). */
export function dataOf<T>(event: SseEvent | undefined): T {
  if (!event) throw new Error("expected an event that did not arrive");
  return event.data as T;
}

/** Parses a text/event-stream body into events (`event:` name, JSON `data:`). */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\n\n+/)) {
    if (!block.trim()) continue;
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    }
    events.push({ event, data: data.length ? (JSON.parse(data.join("\n")) as unknown) : null });
  }
  return events;
}

/** The conversation a failed JSON turn names in its problem (where the user's message was stored). */
export function failedTurnConversation(problem: unknown): number {
  const id = (problem as ChatProblem).conversation_id;
  if (typeof id !== "number")
    throw new Error(`the problem names no conversation_id: ${JSON.stringify(problem)}`);
  return id;
}

/** The api's environment for LLM mode against the mock at `baseUrl` (key "test", model "mock"), `extra` on top. */
export function llmEnv(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { OPENAI_API_KEY: "test", OPENAI_BASE_URL: baseUrl, OPENAI_MODEL: "mock", ...extra };
}

/** A chat suite in LLM mode; its fields are set once the suite's first beforeAll has run. */
export interface LlmChat {
  mock: LlmMock;
  /** The stack whose api talks to `mock`. */
  stack: TestStack;
  /** Signed up on `stack`. */
  user: TestUser;
  /** `user`'s client on `stack`. */
  chat: ChatClient;
}

/**
 * Registers the hooks of a chat suite in LLM mode: before all, an LLM mock, a stack on `engine` whose
 * api talks to it (`llmEnv` with `env` on top) and a user signed up as `name`; before each test, the
 * mock forgets its script, fallback and requests; after all, both stop. Call it inside the describe.
 */
export function useLlmChat(
  engine: "pglite" | "postgres",
  options: { name?: string; env?: Record<string, string> } = {},
): LlmChat {
  const suite = {} as LlmChat;
  beforeAll(async () => {
    suite.mock = await startLlmMock();
    suite.stack = await startTestStack(engine, { env: llmEnv(suite.mock.baseUrl, options.env) });
    suite.user = await suite.stack.signUp(options.name);
    suite.chat = chatClient(suite.stack, suite.user);
  });
  afterAll(async () => {
    await suite.stack?.close();
    await suite.mock?.close();
  });
  beforeEach(() => suite.mock.reset());
  return suite;
}
