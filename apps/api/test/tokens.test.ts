// Personal tokens for outside MCP clients: shown once, stored only as a hash, listed without secrets,
// revocable (after which /mcp refuses them), and private to their owner.
import { createHash } from "node:crypto";
import { personalTokens } from "@taskflow/db/schema";
import { engines } from "@taskflow/testing/databases";
import { mcpToolCall } from "@taskflow/testing/mcp-http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface CreatedToken {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  token: string;
}

describe.each(engines)("/api/tokens on %s", (engine) => {
  let stack: TestStack;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    stack = await startTestStack(engine);
    alice = await stack.signUp("Alice");
    bob = await stack.signUp("Bob");
  });
  afterAll(() => stack?.close());

  const api = (user: TestUser | undefined, method: string, path: string, body?: unknown) =>
    fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: {
        ...(user?.headers ?? {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function create(user: TestUser, name: string): Promise<CreatedToken> {
    const response = await api(user, "POST", "/api/tokens", { name });
    expect(response.status).toBe(201);
    return (await response.json()) as CreatedToken;
  }

  async function list(user: TestUser) {
    const response = await api(user, "GET", "/api/tokens");
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, items: (JSON.parse(text) as { items: Record<string, unknown>[] }).items };
  }

  /** The HTTP status /mcp gives a tools/call list_tasks with this bearer token, and the tasks it saw. */
  async function mcpListTasks(token: string): Promise<{ status: number; titles: string[] }> {
    const response = await mcpToolCall(stack.mcpUrl, token, "list_tasks");
    if (response.status !== 200) return { status: response.status, titles: [] };
    const body = (await response.json()) as {
      result?: { structuredContent?: { tasks: { title: string }[] } };
    };
    return { status: 200, titles: (body.result?.structuredContent?.tasks ?? []).map((t) => t.title) };
  }

  it("POST creates a token and shows it once: 201 {id, name, prefix, created_at, last_used_at, token}", async () => {
    const created = await create(alice, "  Claude Desktop ");
    expect(created).toEqual({
      id: expect.any(Number),
      name: "Claude Desktop",
      prefix: created.token.slice(0, 10),
      created_at: expect.any(String),
      last_used_at: null,
      expires_at: null,
      token: expect.stringMatching(/^tfp_[A-Za-z0-9_-]{43}$/),
    });
    expect(Math.abs(Date.parse(created.created_at) - Date.now())).toBeLessThan(60_000);
    const other = await create(alice, "Cursor");
    expect(other.token).not.toBe(created.token);
  });

  it("stores only the SHA-256 of the token, never the token itself", async () => {
    const created = await create(alice, "hash check");
    const rows = await stack.db.database.db.select().from(personalTokens);
    const row = rows.find((r) => r.id === created.id);
    expect(row?.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(created.token);
  });

  it("GET lists the caller's tokens without the token or its hash, newest first", async () => {
    const created = await create(alice, "listed");
    const { text, items } = await list(alice);
    expect(items[0]).toEqual({
      id: created.id,
      name: "listed",
      prefix: created.token.slice(0, 10),
      created_at: created.created_at,
      last_used_at: null,
      expires_at: null,
    });
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual([
        "created_at",
        "expires_at",
        "id",
        "last_used_at",
        "name",
        "prefix",
      ]);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(createHash("sha256").update(created.token).digest("hex"));
    expect(text).not.toMatch(/token_hash|tokenHash/);
    expect((await list(bob)).items.map((t) => t.id)).not.toContain(created.id);
  });

  it("a token works at /mcp as its owner, and records when it was last used", async () => {
    const created = await create(bob, "bob's client");
    await api(bob, "POST", "/api/tasks", { title: "Bob's only task" });
    expect(await mcpListTasks(created.token)).toEqual({ status: 200, titles: ["Bob's only task"] });
    const used = (await list(bob)).items.find((t) => t.id === created.id);
    expect(used?.last_used_at).toEqual(expect.any(String));
  });

  it("DELETE revokes: 204, gone from the list, 401 at /mcp, 404 the second time; other tokens keep working", async () => {
    const keep = await create(alice, "keep");
    const revoke = await create(alice, "revoke me");
    expect((await mcpListTasks(revoke.token)).status).toBe(200);

    const first = await api(alice, "DELETE", `/api/tokens/${revoke.id}`);
    expect(first.status).toBe(204);
    expect(await first.text()).toBe("");
    expect((await list(alice)).items.map((t) => t.id)).not.toContain(revoke.id);
    expect((await mcpListTasks(revoke.token)).status).toBe(401);
    expect((await api(alice, "DELETE", `/api/tokens/${revoke.id}`)).status).toBe(404);
    expect((await mcpListTasks(keep.token)).status).toBe(200);
  });

  it("another user's token id is a 404, and the token keeps working for its owner", async () => {
    const alices = await create(alice, "not bob's");
    const response = await api(bob, "DELETE", `/api/tokens/${alices.id}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await list(alice)).items.map((t) => t.id)).toContain(alices.id);
    expect((await mcpListTasks(alices.token)).status).toBe(200);
    expect((await api(bob, "DELETE", "/api/tokens/999999")).status).toBe(404);
  });

  it("rejects bad input with 400 problem+json and anonymous calls with 401", async () => {
    const bad: unknown[] = [
      { name: "" },
      { name: "   " },
      { name: "x".repeat(101) },
      { name: "laptop\u0000" },
      {},
      { name: 7 },
      { name: "ok", token: "tfp_chosen" },
    ];
    for (const body of bad) {
      const response = await api(alice, "POST", "/api/tokens", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
    expect((await api(alice, "DELETE", "/api/tokens/abc")).status).toBe(400);
    expect((await api(undefined, "GET", "/api/tokens")).status).toBe(401);
    expect((await api(undefined, "POST", "/api/tokens", { name: "anon" })).status).toBe(401);
    expect((await api(undefined, "DELETE", "/api/tokens/1")).status).toBe(401);
    // A personal token is for MCP clients, not a way into the REST API.
    const token = await create(alice, "not for rest");
    expect(
      (await fetch(`${stack.apiUrl}/api/tokens`, { headers: { authorization: `Bearer ${token.token}` } }))
        .status,
    ).toBe(401);
  });
});
