// GET /api/conversations/{id} pages its messages: the newest page first (oldest first within a page, as
// the chat panel shows them), `next_before` to walk back, bounded pages, and bad cursors refused.
import { appendMessage, startConversation } from "@taskflow/core/conversations";
import { engines } from "@taskflow/testing/databases";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message, Problem } from "./chat-helpers";

interface Page {
  id: number;
  title: string;
  created_at: string;
  updated_at: string;
  messages: Message[];
  next_before: number | null;
}

describe.each(engines)("conversation pages on %s", (engine) => {
  let stack: TestStack;
  let user: TestUser;
  let conversationId: number;
  const TOTAL = 261;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    user = await stack.signUp("Pager");
    const { db } = stack.db.database;
    conversationId = await startConversation(db, user.id, "message 0");
    for (let i = 1; i < TOTAL; i++)
      await appendMessage(db, user.id, conversationId, {
        role: i % 2 ? "assistant" : "user",
        content: `message ${i} ${"x".repeat(2000)}`,
      });
  });
  afterAll(async () => stack?.close());

  async function get(query = "", id = conversationId, headers = user.headers) {
    const response = await fetch(`${stack.apiUrl}/api/conversations/${id}${query}`, { headers });
    const text = await response.text();
    return { status: response.status, size: text.length, body: JSON.parse(text) as Page & Problem };
  }
  const numbers = (page: Page) => page.messages.map((m) => Number(m.content.split(" ")[1]));

  it("the first page is the newest 50, oldest first, with the conversation's fields and a cursor", async () => {
    const { status, body, size } = await get();
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: conversationId, title: "message 0" });
    expect(typeof body.created_at).toBe("string");
    expect(numbers(body)).toEqual(Array.from({ length: 50 }, (_, i) => TOTAL - 50 + i));
    expect(body.next_before).toBe(body.messages[0]?.id);
    expect(size).toBeLessThan(50 * 2300);
  });

  it("following next_before walks every message once, back to the first, then next_before is null", async () => {
    const seen: number[] = [];
    let query = "?limit=200";
    for (let pages = 0; pages < 10; pages++) {
      const { status, body } = await get(query);
      expect(status).toBe(200);
      expect(body.messages.length).toBeLessThanOrEqual(200);
      seen.unshift(...numbers(body));
      if (body.next_before === null) break;
      query = `?limit=200&before=${body.next_before}`;
    }
    expect(seen).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
  });

  it("a small page and an exact boundary", async () => {
    const { body } = await get("?limit=1");
    expect(numbers(body)).toEqual([TOTAL - 1]);
    const first = (await get("?limit=200")).body;
    const rest = await get(`?limit=${TOTAL - 200}&before=${first.next_before}`);
    expect(rest.body.messages).toHaveLength(TOTAL - 200);
    expect(rest.body.next_before).toBeNull();
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=201", "limit"],
    ["?limit=abc", "limit"],
    ["?before=0", "before"],
    ["?before=abc", "before"],
    ["?before=99999999999", "before"],
    ["?page=2", "page"],
  ])("%s → 400 naming %s", async (query, field) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(JSON.stringify(body.errors ?? body)).toContain(field);
  });

  it("another user's conversation is a 404, whatever the cursor", async () => {
    const other = await stack.signUp("Other pager");
    const { status } = await get("?limit=5&before=10", conversationId, other.headers);
    expect(status).toBe(404);
  });

  it("the OpenAPI document describes the page parameters, next_before and the chat turn id", async () => {
    const spec = (await (await fetch(`${stack.apiUrl}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: object }>
      >;
    };
    const get = spec.paths["/api/conversations/{id}"]?.get;
    expect(get?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(["query:before", "query:limit"]),
    );
    expect(JSON.stringify(get?.responses)).toContain("next_before");
    const chat = spec.paths["/api/chat"]?.post;
    expect(chat?.parameters?.map((p) => `${p.in}:${p.name}`)).toContain("header:idempotency-key");
    expect(JSON.stringify(chat)).toContain("client_turn_id");
    expect(Object.keys(chat?.responses ?? {})).toContain("409");
  });
});
