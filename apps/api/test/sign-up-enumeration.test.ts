// Sign-up does not tell whether an email already has an account, any more than sign-in does: for a taken
// email it answers like a new sign-up (same status, headers, cookie attributes and body shape) but the
// token and cookie it gives open nothing, the existing account is untouched and no second one is made.
// (Whoever owns the address signs in; the web says "if this email is new, your account is ready".)

import { engines } from "@taskflow/testing/databases";
import { type HttpResult, http } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let seq = 0;
const freshEmail = () => `enum-${Date.now()}-${++seq}@example.com`;

interface SignUpBody {
  token: string;
  user: Record<string, unknown>;
}

/** Everything observable about a sign-up answer except its values. */
function shapeOf(res: HttpResult<SignUpBody>) {
  const cookies = res.headers.getSetCookie();
  const headerNames = [...res.headers.keys()]
    .filter((name) => !["date", "x-request-id", "content-length", "connection", "keep-alive"].includes(name))
    .sort();
  return {
    status: res.status,
    headerNames,
    contentType: res.headers.get("content-type"),
    exposed: res.headers.get("access-control-expose-headers"),
    cookies: cookies.map((c) => {
      const [pair, ...attributes] = c.split("; ");
      const [name, value] = (pair ?? "").split("=");
      // token.signature, percent-encoded: compare its form, not its length (which varies with encoding).
      const form = decodeURIComponent(value ?? "").replace(/[A-Za-z0-9+/]/g, "x");
      return { name, form, attributes: attributes.join("; ") };
    }),
    bodyKeys: Object.keys(res.body).sort(),
    tokenShape: typeof res.body.token === "string" ? res.body.token.replace(/[A-Za-z0-9]/g, "x") : null,
    userKeys: Object.keys(res.body.user ?? {}).sort(),
    userTypes: Object.values(res.body.user ?? {}).map((v) => (v === null ? "null" : typeof v)),
    authTokenHeader: (res.headers.get("set-auth-token") ?? "").replace(/[A-Za-z0-9+/]/g, "x"),
  };
}

describe.each(engines)("sign-up and taken emails on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine);
  });
  afterAll(() => stack?.close());

  const signUp = (email: string, password: string, name = "Someone") =>
    http<SignUpBody>(stack.apiUrl, "POST", "/api/auth/sign-up/email", { json: { name, email, password } });
  const users = async (email: string) =>
    (await stack.db.database.execute('select name from "user" where email = $1', [email.toLowerCase()]))
      .length;

  it("a taken email answers exactly like a new one, in status, headers, cookie and body shape", async () => {
    const taken = freshEmail();
    const first = await signUp(taken, "the owner's passphrase", "Owner");
    expect(first.status).toBe(200);
    const fresh = await signUp(freshEmail(), "a different passphrase");
    for (const variant of [taken, taken.toUpperCase()]) {
      const again = await signUp(variant, "an attacker's passphrase", "Attacker");
      expect(shapeOf(again)).toEqual(shapeOf(fresh));
      expect(again.body.user.email).toBe(variant.toLowerCase());
      expect(again.body.user.name).toBe("Attacker");
      expect(again.body.user.id).not.toBe(first.body.user.id);
    }
  });

  it("what it hands out opens nothing, and the existing account is untouched", async () => {
    const taken = freshEmail();
    const owner = await signUp(taken, "the owner's passphrase", "Owner");
    const again = await signUp(taken, "an attacker's passphrase", "Attacker");
    const cookie = (again.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const signed = again.headers.get("set-auth-token") ?? "";
    const presented: Record<string, string>[] = [
      { authorization: `Bearer ${again.body.token}` },
      { authorization: `Bearer ${signed}` },
      { cookie },
    ];
    for (const headers of presented) {
      expect((await http(stack.apiUrl, "GET", "/api/tasks", { headers })).status).toBe(401);
      const session = await http(stack.apiUrl, "GET", "/api/auth/get-session", { headers });
      expect(session.body).toBeNull();
    }
    expect(await users(taken)).toBe(1);
    const signIn = (password: string) =>
      http(stack.apiUrl, "POST", "/api/auth/sign-in/email", { json: { email: taken, password } });
    expect((await signIn("the owner's passphrase")).status).toBe(200);
    expect((await signIn("an attacker's passphrase")).status).toBe(401);
    const mine = await http(stack.apiUrl, "GET", "/api/tasks", {
      headers: { authorization: `Bearer ${owner.body.token}` },
    });
    expect(mine.status).toBe(200);
  });

  it("bad input is still refused as for a new email (the lookalike never hides a 400)", async () => {
    const taken = freshEmail();
    await signUp(taken, "the owner's passphrase");
    expect((await signUp(taken, "short")).status).toBe(400);
    expect((await signUp(taken, "password1")).status).toBe(400);
  });
});
