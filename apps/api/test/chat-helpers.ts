// Small HTTP helpers the chat suites share: a JSON turn, a streamed turn read as server-sent events,
// and the REST reads used to check what a turn left in the database.
import type { ChatProblem } from "@taskflow/contracts";
import type { TestStack, TestUser } from "@taskflow/testing/stack";

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

export function chatClient(stack: Pick<TestStack, "apiUrl">, user: TestUser) {
  const json = { ...user.headers, "content-type": "application/json" };
  return {
    /** POST /api/chat without Accept: text/event-stream. */
    async send(body: Record<string, unknown>, path = "/api/chat") {
      const response = await fetch(`${stack.apiUrl}${path}`, {
        method: "POST",
        headers: json,
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
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
