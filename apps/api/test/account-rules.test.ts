// Account rules Better Auth does not have on its own: the most common passwords are refused wherever a
// password is chosen (sign-up, reset, change), and a user's name is 1–100 characters wherever it is set
// (sign-up, update-user). Each refusal is a 400 naming the field and writes nothing.

import { engines } from "@taskflow/testing/databases";
import { expectProblem, http } from "@taskflow/testing/http";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let seq = 0;
const freshEmail = () => `rules-${Date.now()}-${++seq}@example.com`;
const GOOD = "violet umbrella cactus";

describe.each(engines)("account rules on %s", (engine) => {
  let stack: TestStack;
  let user: TestUser;
  beforeAll(async () => {
    stack = await startTestStack(engine);
    user = await stack.signUp("Rules");
  });
  afterAll(() => stack?.close());

  const signUp = (body: Record<string, unknown>) =>
    http(stack.apiUrl, "POST", "/api/auth/sign-up/email", { json: body });
  const userCount = async () =>
    (await stack.db.database.execute('select count(*)::int as n from "user"'))[0]?.n as number;

  it("refuses the most common passwords at sign-up, whatever their case, and creates no user", async () => {
    const before = await userCount();
    for (const password of [
      "password",
      "12345678",
      "iloveyou",
      "PASSWORD1",
      "Sunshine1",
      "qwertyuiop",
      "trustno1",
    ]) {
      const res = await signUp({ name: "Common", email: freshEmail(), password });
      const problem = expectProblem(res, 400, ["password"]);
      expect(problem.detail, password).toMatch(/common/i);
    }
    expect(await userCount()).toBe(before);
    expect((await signUp({ name: "Fine", email: freshEmail(), password: GOOD })).status).toBe(200);
  });

  it("refuses a common password when changing it, and the old one keeps working", async () => {
    const res = await http(stack.apiUrl, "POST", "/api/auth/change-password", {
      headers: { ...user.headers, origin: "http://localhost:3000" },
      json: { currentPassword: user.password, newPassword: "password123" },
    });
    expectProblem(res, 400, ["newPassword"]);
    const signIn = await http(stack.apiUrl, "POST", "/api/auth/sign-in/email", {
      json: { email: user.email, password: user.password },
    });
    expect(signIn.status).toBe(200);
  });

  it("a name is at most 100 characters, at sign-up and on update-user", async () => {
    const before = await userCount();
    for (const name of ["n".repeat(101), "n".repeat(10_000), "   "]) {
      expectProblem(await signUp({ name, email: freshEmail(), password: GOOD }), 400, ["name"]);
    }
    expect(await userCount()).toBe(before);
    const edge = await signUp({ name: "n".repeat(100), email: freshEmail(), password: GOOD });
    expect(edge.status).toBe(200);

    const update = await http(stack.apiUrl, "POST", "/api/auth/update-user", {
      headers: { ...user.headers, origin: "http://localhost:3000" },
      json: { name: "u".repeat(101) },
    });
    expectProblem(update, 400, ["name"]);
    const session = await http<{ user: { name: string } }>(stack.apiUrl, "GET", "/api/auth/get-session", {
      headers: user.headers,
    });
    expect(session.body.user.name).toBe("Rules");
  });
});
