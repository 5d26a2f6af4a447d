// Better Auth over real HTTP: sign-up/in/out with the session cookie and with the bearer token, the
// session lifecycle, every way of presenting bad credentials, and the sign-in rate limit.
import { randomBytes } from "node:crypto";
import { engines } from "@taskflow/testing/databases";
import { client, expectProblem, http } from "@taskflow/testing/http";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { tampered } from "@taskflow/testing/tampered";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PASSWORD = "correct horse battery staple";
let seq = 0;
const freshEmail = () => `auth-${Date.now()}-${++seq}@example.com`;

interface SignInBody {
  token: string;
  user: { id: string; email: string; name: string };
}
interface SessionBody {
  session: { userId: string; token: string };
  user: { id: string; email: string };
}

/** `name=value` of the session cookie a response sets (the part a client sends back). */
function sessionCookie(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="));
  expect(cookie, "session cookie set").toBeDefined();
  return (cookie ?? "").split(";")[0] ?? "";
}

describe.each(engines)("auth over HTTP on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine);
  });
  afterAll(() => stack?.close());

  const signUp = (email: string, password = PASSWORD, name = "Auth Tester") =>
    http<SignInBody>(stack.apiUrl, "POST", "/api/auth/sign-up/email", { json: { name, email, password } });
  const signIn = (email: string, password = PASSWORD) =>
    http<SignInBody>(stack.apiUrl, "POST", "/api/auth/sign-in/email", { json: { email, password } });
  const tasksWith = (headers: Record<string, string>) => http(stack.apiUrl, "GET", "/api/tasks", { headers });

  it("signs up with a session cookie and a bearer token that both reach the task routes", async () => {
    const email = freshEmail();
    const res = await signUp(email);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email, name: "Auth Tester" });
    expect(res.body.token).toEqual(expect.any(String));
    // The password never comes back, in any form.
    expect(res.text).not.toContain(PASSWORD);
    expect(res.text).not.toMatch(/"password"/);

    const cookie = sessionCookie(res.headers);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/HttpOnly/i);
    expect((await tasksWith({ cookie })).status).toBe(200);
    expect((await tasksWith({ authorization: `Bearer ${res.body.token}` })).status).toBe(200);
  });

  it("signs in: token in the JSON and in set-auth-token, cookie set, get-session answers for each", async () => {
    const email = freshEmail();
    const up = await signUp(email);
    const res = await signIn(email);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(email);
    expect(res.body.user.id).toBe(up.body.user.id);

    const headerToken = res.headers.get("set-auth-token");
    expect(headerToken).toBeTruthy();
    expect(res.headers.get("access-control-expose-headers") ?? "").toContain("set-auth-token");
    const cookie = sessionCookie(res.headers);

    for (const token of [res.body.token, headerToken ?? ""]) {
      const session = await http<SessionBody>(stack.apiUrl, "GET", "/api/auth/get-session", {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ id: up.body.user.id, email });
      expect((await tasksWith({ authorization: `Bearer ${token}` })).status).toBe(200);
    }
    const byCookie = await http<SessionBody>(stack.apiUrl, "GET", "/api/auth/get-session", {
      headers: { cookie },
    });
    expect(byCookie.body.user.email).toBe(email);
    // A new sign-in is a new session, distinct from the sign-up's.
    expect(res.body.token).not.toBe(up.body.token);
  });

  it("identifies the caller by credentials only: two users see their own session", async () => {
    const [a, b] = [await stack.signUp("A"), await stack.signUp("B")];
    const sa = await http<SessionBody>(stack.apiUrl, "GET", "/api/auth/get-session", { headers: a.headers });
    const sb = await http<SessionBody>(stack.apiUrl, "GET", "/api/auth/get-session", {
      headers: { cookie: b.cookie },
    });
    expect(sa.body.user.id).toBe(a.id);
    expect(sb.body.user.id).toBe(b.id);
  });

  it("sign-out with the bearer token ends that session only", async () => {
    const email = freshEmail();
    await signUp(email);
    const first = await signIn(email);
    const second = await signIn(email);
    const firstAuth = { authorization: `Bearer ${first.body.token}` };
    expect((await tasksWith(firstAuth)).status).toBe(200);

    const out = await http(stack.apiUrl, "POST", "/api/auth/sign-out", { headers: firstAuth });
    expect(out.status).toBe(200);
    expectProblem(await tasksWith(firstAuth), 401);
    const gone = await http(stack.apiUrl, "GET", "/api/auth/get-session", { headers: firstAuth });
    expect(gone.status).toBe(200);
    expect(gone.body).toBeNull();
    // The other device stays signed in.
    expect((await tasksWith({ authorization: `Bearer ${second.body.token}` })).status).toBe(200);
  });

  it("sign-out with the cookie clears the cookie and invalidates it server-side", async () => {
    const email = freshEmail();
    await signUp(email);
    const res = await signIn(email);
    const cookie = sessionCookie(res.headers);
    const out = await http(stack.apiUrl, "POST", "/api/auth/sign-out", { headers: { cookie } });
    expect(out.status).toBe(200);
    // The browser is told to drop it…
    expect(out.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=;.*Max-Age=0/i);
    // …and a client that keeps sending it anyway is refused, with the cookie and the same token as bearer.
    expectProblem(await tasksWith({ cookie }), 401);
    expectProblem(await tasksWith({ authorization: `Bearer ${res.body.token}` }), 401);
  });

  it("refuses a wrong password or an unknown email with the same 401 problem", async () => {
    const email = freshEmail();
    await signUp(email);
    const wrong = await signIn(email, "not the password at all");
    const unknown = await signIn(freshEmail());
    const a = expectProblem(wrong, 401);
    const b = expectProblem(unknown, 401);
    // No account enumeration: both failures read the same.
    expect(a.detail).toBe(b.detail);
    expect(wrong.headers.getSetCookie().some((c) => /session_token=[^;]/.test(c))).toBe(false);
    expect(wrong.headers.get("set-auth-token")).toBeNull();
  });

  it("a duplicate sign-up opens nothing; bad sign-up input is a problem naming the field", async () => {
    const email = freshEmail();
    expect((await signUp(email)).status).toBe(200);
    // Answered like a new sign-up, so it does not reveal the account (sign-up-enumeration.test.ts).
    const dup = await signUp(email);
    expect(dup.status).toBe(200);
    expect((await tasksWith({ authorization: `Bearer ${dup.body.token}` })).status).toBe(401);
    expectProblem(await signUp(freshEmail(), "short"), 400, ["password"]);
    expectProblem(await signUp("not-an-email"), 400, ["email"]);
    // PostgreSQL text cannot hold NUL: named as the field's error, not Better Auth's vague 422.
    const nulEmail = freshEmail();
    expectProblem(await signUp(nulEmail, PASSWORD, "Nul\u0000Name"), 400, ["name"]);
    expectProblem(await signIn(nulEmail), 401); // and no account was created
    expectProblem(
      await http(stack.apiUrl, "POST", "/api/auth/sign-in/email", {
        raw: "{nope",
        headers: { "content-type": "application/json" },
      }),
      400,
    );
    // Nothing was created by the failed attempts: the rejected address cannot sign in.
    expectProblem(await signIn("not-an-email"), 400);
  });

  it("answers 401 problem+json for missing, malformed, forged and expired credentials", async () => {
    const user = await stack.signUp();
    const forgedToken = randomBytes(24).toString("base64url");
    const attempts: Record<string, Record<string, string>> = {
      "no credentials": {},
      "empty bearer": { authorization: "Bearer " },
      "basic scheme": {
        authorization: `Basic ${Buffer.from(`${user.email}:${user.password}`).toString("base64")}`,
      },
      "forged bearer": { authorization: `Bearer ${forgedToken}` },
      "tampered bearer": { authorization: `Bearer ${tampered(user.token)}` },
      "jwt-looking bearer": { authorization: "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." },
      "forged cookie": {
        cookie: `better-auth.session_token=${forgedToken}.${randomBytes(32).toString("base64")}`,
      },
      // The raw token as a cookie lacks the server's signature.
      "unsigned cookie": { cookie: `better-auth.session_token=${user.token}` },
      "bad cookie signature": {
        cookie: `${user.cookie.split(".")[0]}.${randomBytes(32).toString("base64url")}`,
      },
    };
    for (const [label, headers] of Object.entries(attempts)) {
      const res = await tasksWith(headers);
      expect(res.status, label).toBe(401);
      expectProblem(res, 401);
    }
    // The genuine credentials still work, so the refusals above are about the credentials.
    expect((await tasksWith(user.headers)).status).toBe(200);

    // An expired session: still in the table, past its expiry.
    const email = freshEmail();
    await signUp(email);
    const signedIn = await signIn(email);
    await stack.db.database.execute(
      "update session set expires_at = now() - interval '1 minute' where token = $1",
      [signedIn.body.token],
    );
    expectProblem(await tasksWith({ authorization: `Bearer ${signedIn.body.token}` }), 401);
    expectProblem(await tasksWith({ cookie: sessionCookie(signedIn.headers) }), 401);
  });

  it("guards every task, conversation and token route with 401", async () => {
    const api = client(stack.apiUrl);
    const routes: [keyof typeof api, string][] = [
      ["get", "/api/tasks"],
      ["post", "/api/tasks"],
      ["get", "/api/tasks/1"],
      ["patch", "/api/tasks/1"],
      ["put", "/api/tasks/1"],
      ["patch", "/api/tasks/1/complete"],
      ["delete", "/api/tasks/1"],
      ["post", "/api/chat"],
      ["get", "/api/conversations"],
      ["get", "/api/tokens"],
      ["post", "/api/tokens"],
    ];
    for (const [method, path] of routes) {
      // Valid bodies, so only the missing credentials can be the reason for refusing.
      const json = path.endsWith("/chat")
        ? { message: "hi" }
        : path.endsWith("/tokens")
          ? { name: "cli" }
          : { title: "x" };
      const body = method === "get" || method === "delete" || path.endsWith("/complete") ? {} : { json };
      const res = await api[method](path, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expectProblem(res, 401);
    }
  });

  it("says 401 before looking at an anonymous caller's input", async () => {
    const api = client(stack.apiUrl);
    const junk = { raw: "{not json", headers: { "content-type": "application/json" } };
    expectProblem(await api.post("/api/tasks", junk), 401);
    expectProblem(await api.post("/api/chat", junk), 401);
    expectProblem(await api.post("/api/tokens", { json: { unknown: true } }), 401);
    expectProblem(await api.post("/api/tasks", { json: { title: "" } }), 401);
    expectProblem(await api.patch("/api/tasks/not-a-number", { json: { bogus: 1 } }), 401);
    expectProblem(await api.get("/api/tasks?sort=sideways"), 401);
    const upload = await api.post("/api/tokens", {
      raw: "x".repeat(2 * 1024 * 1024),
      headers: { "content-type": "application/json" },
    });
    expectProblem(upload, 401);
    // Refused before its body was read, the connection is not kept alive half-read (it would hold the
    // server's shutdown open until the keep-alive timeout).
    expect(upload.headers.get("connection")).toBe("close");
  });
});

describe.each(engines)("sign-in rate limit on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine, { env: { AUTH_RATE_LIMIT: "3" } });
  });
  afterAll(() => stack?.close());

  it("answers 429 problem+json once the limit is spent, even for the right password", async () => {
    const user = await stack.signUp();
    const attempt = (password: string) =>
      http(stack.apiUrl, "POST", "/api/auth/sign-in/email", { json: { email: user.email, password } });
    for (let i = 0; i < 3; i++) expectProblem(await attempt(`guess number ${i}`), 401);
    const limited = await attempt("guess number 4");
    expectProblem(limited, 429);
    expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
    // The limit protects the account: the right password does not get through either.
    expectProblem(await attempt(user.password), 429);
    // Sessions already issued keep working.
    expect((await http(stack.apiUrl, "GET", "/api/tasks", { headers: user.headers })).status).toBe(200);
  });

  it("limits sign-up too", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await http(stack.apiUrl, "POST", "/api/auth/sign-up/email", {
        json: { name: "Flood", email: freshEmail(), password: PASSWORD },
      });
      statuses.push(res.status);
      if (res.status === 429) expectProblem(res, 429);
    }
    // One sign-up was spent by the test above, so at most two more fit in the window.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2);
    expect(statuses.at(-1)).toBe(429);
  });

  it("counts each client behind a trusted proxy (loopback here) separately", async () => {
    // The sign-up bucket of this address was spent above; a client behind the proxy has its own.
    const user = { email: freshEmail(), password: PASSWORD };
    const up = await http(stack.apiUrl, "POST", "/api/auth/sign-up/email", {
      json: { name: "Proxied", ...user },
      headers: { "x-forwarded-for": "203.0.113.6" },
    });
    expect(up.status).toBe(200);
    const from = (client: string, password: string) =>
      http(stack.apiUrl, "POST", "/api/auth/sign-in/email", {
        json: { email: user.email, password },
        headers: { "x-forwarded-for": client },
      });
    for (let i = 0; i < 3; i++) expectProblem(await from("203.0.113.7", `wrong ${i}`), 401);
    expectProblem(await from("203.0.113.7", "wrong again"), 429);
    // Another client is not locked out by the first one's failures.
    expectProblem(await from("203.0.113.8", "wrong"), 401);
    expect((await from("203.0.113.9", user.password)).status).toBe(200);
  });
});

// How the client address is resolved does not depend on the engine: one (the cheaper to start) is enough.
describe.each(engines.slice(-1))("sign-in rate limit with no trusted proxy on %s", (engine) => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(engine, { env: { AUTH_RATE_LIMIT: "3", TRUST_PROXY: "false" } });
  });
  afterAll(() => stack?.close());

  it("cannot be dodged by sending a different X-Forwarded-For each time", async () => {
    const user = await stack.signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await http(stack.apiUrl, "POST", "/api/auth/sign-in/email", {
        json: { email: user.email, password: `guess ${i}` },
        headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });
});
