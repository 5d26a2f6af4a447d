// Sessions slide (each day of use extends them by a week) but not for ever: a session older than
// SESSION_MAX_AGE_DAYS since it was created is refused and deleted, whichever way it is presented (bearer
// or cookie) and whichever path checks it (the one-query lookup, or Better Auth when a refresh is due).

import { engines } from "@taskflow/testing/databases";
import { http } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY = 86_400_000;

describe.each(engines)("absolute session lifetime on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine, { env: { SESSION_MAX_AGE_DAYS: "30" } });
  });
  afterAll(() => stack?.close());

  async function ageSession(token: string, createdDaysAgo: number, expiresInDays: number) {
    await stack.db.database.execute(
      "update session set created_at = $2, updated_at = $2, expires_at = $3 where token = $1",
      [token, new Date(Date.now() - createdDaysAgo * DAY), new Date(Date.now() + expiresInDays * DAY)],
    );
  }
  const sessionRows = async (token: string) =>
    (await stack.db.database.execute("select expires_at from session where token = $1", [token])).length;
  const tasks = (headers: Record<string, string>) => http(stack.apiUrl, "GET", "/api/tasks", { headers });

  it("a session younger than the limit keeps working, by bearer and by cookie", async () => {
    const user = await stack.signUp("Young");
    await ageSession(user.token, 29, 6.5);
    expect((await tasks(user.headers)).status).toBe(200);
    expect((await tasks({ cookie: user.cookie })).status).toBe(200);
  });

  it("older than the limit, though not expired: 401 by bearer, and the session is gone", async () => {
    const user = await stack.signUp("Old bearer");
    await ageSession(user.token, 31, 6.5);
    expect((await tasks(user.headers)).status).toBe(401);
    expect(await sessionRows(user.token)).toBe(0);
    expect((await tasks({ cookie: user.cookie })).status).toBe(401);
  });

  it("older than the limit and due for its sliding refresh: 401 by cookie, not extended", async () => {
    const user = await stack.signUp("Old cookie");
    await ageSession(user.token, 31, 1);
    expect((await tasks({ cookie: user.cookie })).status).toBe(401);
    expect(await sessionRows(user.token)).toBe(0);
    const again = await http(stack.apiUrl, "GET", "/api/auth/get-session", { headers: user.headers });
    expect(again.body).toBeNull();
  });

  it("get-session, asked first, answers no session for one past the limit, and deletes it", async () => {
    const user = await stack.signUp("Old web");
    await ageSession(user.token, 31, 6.5);
    for (const headers of [{ cookie: user.cookie }, user.headers]) {
      const session = await http(stack.apiUrl, "GET", "/api/auth/get-session", { headers });
      expect(session.status).toBe(200);
      expect(session.body).toBeNull();
    }
    expect(await sessionRows(user.token)).toBe(0);
  });

  it("signing in again gives a fresh session that works", async () => {
    const user = await stack.signUp("Returning");
    await ageSession(user.token, 45, 1);
    expect((await tasks(user.headers)).status).toBe(401);
    const signIn = await http<{ token: string }>(stack.apiUrl, "POST", "/api/auth/sign-in/email", {
      json: { email: user.email, password: user.password },
    });
    expect(signIn.status).toBe(200);
    expect((await tasks({ authorization: `Bearer ${signIn.body.token}` })).status).toBe(200);
  });
});
