// Personal tokens may expire: POST /api/tokens {name, expires_in_days?} → expires_at (null: until
// revoked), shown by GET; bad values are a 400 naming the field and create nothing; /mcp refuses a token
// once it has expired.

import { engines } from "@taskflow/testing/databases";
import { expectProblem, http } from "@taskflow/testing/http";
import { mcpToolCall } from "@taskflow/testing/mcp-http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface Token {
  id: number;
  token: string;
  expires_at: string | null;
}

describe.each(engines)("personal token expiry on %s", (engine) => {
  let stack: TestStack;
  let user: TestUser;
  beforeAll(async () => {
    stack = await startTestStack(engine);
    user = await stack.signUp("Expiry");
  });
  afterAll(() => stack?.close());

  const create = (body: unknown) =>
    http<Token>(stack.apiUrl, "POST", "/api/tokens", { headers: user.headers, json: body });
  const list = async () =>
    (await http<{ items: Token[] }>(stack.apiUrl, "GET", "/api/tokens", { headers: user.headers })).body
      .items;
  const mcpStatus = async (token: string) => (await mcpToolCall(stack.mcpUrl, token, "list_tasks")).status;

  it("expires_in_days sets expires_at (shown in GET); without it the token never expires", async () => {
    const expiring = await create({ name: "ci", expires_in_days: 30 });
    expect(expiring.status).toBe(201);
    const at = Date.parse(expiring.body.expires_at ?? "");
    expect(Math.abs(at - (Date.now() + 30 * 86_400_000))).toBeLessThan(120_000);
    const forever = await create({ name: "laptop" });
    expect(forever.body.expires_at).toBeNull();
    const items = await list();
    expect(items.find((t) => t.id === expiring.body.id)?.expires_at).toBe(expiring.body.expires_at);
    expect(items.find((t) => t.id === forever.body.id)?.expires_at).toBeNull();
  });

  it("bad expires_in_days values are a 400 naming the field and create nothing", async () => {
    const before = (await list()).length;
    for (const value of [0, -1, 3651, 1.5, "7", null, true]) {
      expectProblem(await create({ name: "bad", expires_in_days: value }), 400, ["expires_in_days"]);
    }
    expect((await list()).length).toBe(before);
  });

  it("/mcp accepts the token until it expires, then answers 401", async () => {
    const created = await create({ name: "short", expires_in_days: 1 });
    expect(await mcpStatus(created.body.token)).toBe(200);
    await stack.db.database.execute("update personal_tokens set expires_at = now() where id = $1", [
      created.body.id,
    ]);
    expect(await mcpStatus(created.body.token)).toBe(401);
  });
});
