// Limits per signed-in user (not per address: many users share one NAT, one user has many addresses):
// chat turns per minute and personal-token creations per hour are 429 with Retry-After past the limit,
// and a user holds at most PERSONAL_TOKEN_LIMIT tokens (then 409 saying so; revoking frees a place).

import { engines } from "@taskflow/testing/databases";
import { expectProblem, http } from "@taskflow/testing/http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(engines)("per-user limits on %s", (engine) => {
  let stack: TestStack;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    stack = await startTestStack(engine, {
      env: { CHAT_RATE_LIMIT: "3", TOKEN_CREATE_RATE_LIMIT: "5", PERSONAL_TOKEN_LIMIT: "3" },
    });
    alice = await stack.signUp("Alice");
    bob = await stack.signUp("Bob");
  });
  afterAll(() => stack?.close());

  const chat = (user: TestUser, path = "/api/chat") =>
    http(stack.apiUrl, "POST", path, { headers: user.headers, json: { message: "what's pending?" } });

  it("chat: CHAT_RATE_LIMIT turns a minute per user, on both chat paths together; then 429 with Retry-After", async () => {
    expect((await chat(alice)).status).toBe(200);
    expect((await chat(alice)).status).toBe(200);
    expect((await chat(alice, `/api/${alice.id}/chat`)).status).toBe(200);
    const conversationsBefore = await stack.db.database.execute("select count(*)::int as n from messages");
    for (const path of ["/api/chat", `/api/${alice.id}/chat`]) {
      const limited = await chat(alice, path);
      const problem = expectProblem(limited, 429);
      expect(problem.detail).toMatch(/chat/i);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // The refused turns stored nothing.
    expect(await stack.db.database.execute("select count(*)::int as n from messages")).toEqual(
      conversationsBefore,
    );
    // Another user, from the same address, is not affected.
    expect((await chat(bob)).status).toBe(200);
  });

  const createToken = (user: TestUser, name: string) =>
    http<{ id: number }>(stack.apiUrl, "POST", "/api/tokens", { headers: user.headers, json: { name } });

  it("tokens: at most PERSONAL_TOKEN_LIMIT per user (409 naming the limit), then at most TOKEN_CREATE_RATE_LIMIT creations an hour (429)", async () => {
    const first = await createToken(alice, "one");
    expect(first.status).toBe(201);
    expect((await createToken(alice, "two")).status).toBe(201);
    expect((await createToken(alice, "three")).status).toBe(201);
    const full = await createToken(alice, "four");
    expect(expectProblem(full, 409).detail).toMatch(/at most 3 personal tokens.*revoke/i);
    const listed = await http<{ items: unknown[] }>(stack.apiUrl, "GET", "/api/tokens", {
      headers: alice.headers,
    });
    expect(listed.body.items).toHaveLength(3);

    expect(
      (await http(stack.apiUrl, "DELETE", `/api/tokens/${first.body.id}`, { headers: alice.headers })).status,
    ).toBe(204);
    expect((await createToken(alice, "five")).status).toBe(201);
    const limited = await createToken(alice, "six");
    expectProblem(limited, 429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Bob has his own allowance.
    expect((await createToken(bob, "bob's")).status).toBe(201);
  });
});
