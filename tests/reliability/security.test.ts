// Security, one test per relevant item of the OWASP API Security Top 10 (2023), against the real processes
// behind the proxy: object-level authorization on every route and tool (API1), broken authentication
// (API2), object property level authorization / mass assignment (API3), resource consumption (API4),
// function-level authorization (API5), sensitive business flows (API6), misconfiguration (API8) and
// inventory (API9). SSRF (API7) does not apply (no route fetches a caller-supplied URL); unsafe
// consumption of APIs (API10) is the LLM half of dependency-outage.test.ts.
import { signAgentToken } from "@taskflow/core/agent-token";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, call, isProblem, type Result, signIn, signUp } from "./harness/client";
import { evidence } from "./harness/settings";
import { type Replica, SECRETS, type Stack, startStack } from "./harness/stack";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const encoder = new TextEncoder();

describe("security (OWASP API Top 10, 2023)", () => {
  let stack: Stack;
  let alice: Account;
  let bob: Account;
  let aliceTask: { id: number; title: string };
  let aliceConversation: number;
  let aliceToken: { id: number; token: string };
  let bobToken: string;

  const rest = (
    account: Account | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    call(stack.url, method, path, {
      headers: { ...(account?.headers ?? {}), ...headers },
      ...(body === undefined ? {} : { body }),
    });
  const mcp = (token: string | undefined, name: string, args: Record<string, unknown>) =>
    call(stack.mcp.url, "POST", "/mcp", {
      headers: {
        accept: "application/json, text/event-stream",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } },
    });
  const toolError = (r: Result) =>
    (r.body as { result?: { isError?: boolean; content?: { text: string }[] } })?.result;
  const aliceState = async () =>
    JSON.stringify([
      (await stack.db.query("select * from tasks where user_id = $1 order by id", [alice.userId])).rows,
      (await stack.db.query("select * from conversations where user_id = $1 order by id", [alice.userId]))
        .rows,
      (
        await stack.db.query(
          "select count(*)::int as n from messages m join conversations c on c.id = m.conversation_id where c.user_id = $1",
          [alice.userId],
        )
      ).rows,
      (
        await stack.db.query(
          "select id, name, token_hash from personal_tokens where user_id = $1 order by id",
          [alice.userId],
        )
      ).rows,
    ]);

  beforeAll(async () => {
    stack = await startStack();
    alice = await signUp(stack.url, "alice");
    bob = await signUp(stack.url, "bob");
    aliceTask = (await rest(alice, "POST", "/api/tasks", { title: "alice's secret plan" })).body as {
      id: number;
      title: string;
    };
    aliceConversation = (
      (await rest(alice, "POST", "/api/chat", { message: "show my tasks" })).body as {
        conversation_id: number;
      }
    ).conversation_id;
    aliceToken = (await rest(alice, "POST", "/api/tokens", { name: "alice laptop" })).body as {
      id: number;
      token: string;
    };
    bobToken = ((await rest(bob, "POST", "/api/tokens", { name: "bob laptop" })).body as { token: string })
      .token;
  });
  afterAll(() => stack?.close());

  it("API1 broken object level authorization: every route and tool refuses another user's objects", async () => {
    const before = await aliceState();
    const t = aliceTask.id;
    const attempts: [string, Result, number[]][] = [];
    const attempt = async (label: string, r: Promise<Result>, allowed: number[]) =>
      attempts.push([label, await r, allowed]);
    await attempt("GET task", rest(bob, "GET", `/api/tasks/${t}`), [404]);
    await attempt("PATCH task", rest(bob, "PATCH", `/api/tasks/${t}`, { title: "pwned" }), [404]);
    await attempt("PUT task", rest(bob, "PUT", `/api/tasks/${t}`, { title: "pwned" }), [404]);
    await attempt("PATCH complete", rest(bob, "PATCH", `/api/tasks/${t}/complete`), [404]);
    await attempt("DELETE task", rest(bob, "DELETE", `/api/tasks/${t}`), [404]);
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["POST", "", { title: "planted" }],
      ["GET", `/${t}`, undefined],
      ["PATCH", `/${t}`, { title: "pwned" }],
      ["PUT", `/${t}`, { title: "pwned" }],
      ["PATCH", `/${t}/complete`, undefined],
      ["DELETE", `/${t}`, undefined],
    ] as const) {
      await attempt(
        `${method} /api/{alice}/tasks${suffix}`,
        rest(bob, method, `/api/${alice.userId}/tasks${suffix}`, body),
        [403],
      );
      if (suffix)
        await attempt(
          `${method} /api/{bob}/tasks${suffix}`,
          rest(bob, method, `/api/${bob.userId}/tasks${suffix}`, body),
          [404],
        );
    }
    await attempt(
      "POST /api/{alice}/chat",
      rest(bob, "POST", `/api/${alice.userId}/chat`, { message: "list my tasks" }),
      [403],
    );
    await attempt("GET conversation", rest(bob, "GET", `/api/conversations/${aliceConversation}`), [404]);
    await attempt(
      "DELETE conversation",
      rest(bob, "DELETE", `/api/conversations/${aliceConversation}`),
      [404],
    );
    await attempt(
      "chat into alice's conversation",
      rest(bob, "POST", "/api/chat", {
        conversation_id: aliceConversation,
        message: "delete alice's secret plan",
      }),
      [404],
    );
    await attempt("DELETE token", rest(bob, "DELETE", `/api/tokens/${aliceToken.id}`), [404]);
    const listed = (await rest(bob, "GET", "/api/tasks?limit=100")).body as { items: { id: number }[] };
    const conversations = (await rest(bob, "GET", "/api/conversations")).body as { items: { id: number }[] };
    const tokens = (await rest(bob, "GET", "/api/tokens")).body as { items: { id: number }[] };
    // MCP: bob's personal token and an agent token minted for bob, on alice's task.
    const bobAgent = await signAgentToken(SECRETS.MCP_TOKEN_SECRET, bob.userId, 60);
    const toolAttempts: [string, Result][] = [];
    for (const token of [bobToken, bobAgent]) {
      for (const [name, args] of [
        ["complete_task", { task_id: t }],
        ["update_task", { task_id: t, title: "pwned" }],
        ["delete_task", { task_id: t }],
        ["add_task", { title: "planted", user_id: alice.userId }],
        ["list_tasks", { user_id: alice.userId }],
      ] as const) {
        toolAttempts.push([name, await mcp(token, name, args)]);
      }
    }
    const bobList = (await mcp(bobToken, "list_tasks", {})).body as {
      result: { structuredContent: { tasks: { id: number }[] } };
    };
    const after = await aliceState();
    const denied = attempts.filter(([, r, allowed]) => allowed.includes(r.status) && isProblem(r)).length;
    evidence(
      `[API1] ${attempts.length} REST attempts by bob on alice's task/conversation/token: ${denied} refused as expected (${[...new Set(attempts.map(([, r]) => r.status))].join("/")}); ${toolAttempts.length} MCP calls with bob's personal and agent tokens: ${toolAttempts.filter(([, r]) => toolError(r)?.isError).length} tool errors; alice's rows unchanged: ${before === after}`,
    );
    for (const [label, r, allowed] of attempts) expect(allowed, `${label} → ${r.status}`).toContain(r.status);
    expect(denied).toBe(attempts.length);
    for (const [label, r] of toolAttempts) {
      expect(r.status, label).toBe(200);
      expect(toolError(r)?.isError, `${label} ${JSON.stringify(r.body)}`).toBe(true);
    }
    expect(listed.items.map((x) => x.id)).not.toContain(t);
    expect(conversations.items.map((x) => x.id)).not.toContain(aliceConversation);
    expect(tokens.items.map((x) => x.id)).not.toContain(aliceToken.id);
    expect(bobList.result.structuredContent.tasks.map((x) => x.id)).not.toContain(t);
    expect(after).toBe(before);
  });

  it("API2 broken authentication: missing, forged, expired, revoked and alg:none credentials are refused", async () => {
    const expiredSession = ((await signIn(stack.url, alice)).body as { token: string }).token;
    await stack.db.query("update session set expires_at = now() - interval '1 minute' where token = $1", [
      expiredSession,
    ]);
    const signedOut = await signUp(stack.url, "leaver");
    expect(
      (
        await call(stack.url, "POST", "/api/auth/sign-out", {
          headers: { ...signedOut.headers, origin: stack.url },
          body: {},
        })
      ).status,
    ).toBe(200);
    const none = `${b64({ alg: "none", typ: "JWT" })}.${b64({ sub: alice.userId, iss: "taskflow-api", aud: "taskflow-mcp", exp: Math.floor(Date.now() / 1000) + 600 })}.`;
    const wrongSecret = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(alice.userId)
      .setIssuer("taskflow-api")
      .setAudience("taskflow-mcp")
      .setExpirationTime("5m")
      .sign(encoder.encode("not-the-secret-not-the-secret-not-the-secret"));
    const expiredAgent = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(alice.userId)
      .setIssuer("taskflow-api")
      .setAudience("taskflow-mcp")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(encoder.encode(SECRETS.MCP_TOKEN_SECRET));
    const otherAudience = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(alice.userId)
      .setIssuer("taskflow-api")
      .setAudience("somewhere-else")
      .setExpirationTime("5m")
      .sign(encoder.encode(SECRETS.MCP_TOKEN_SECRET));
    const revoked = (await rest(alice, "POST", "/api/tokens", { name: "to revoke" })).body as {
      id: number;
      token: string;
    };
    expect((await rest(alice, "DELETE", `/api/tokens/${revoked.id}`)).status).toBe(204);

    const restCases: [string, Record<string, string>][] = [
      ["no credentials", {}],
      ["random bearer", { authorization: "Bearer 8c3b2a1d0e9f8a7b6c5d4e3f2a1b0c9d" }],
      [
        "forged signed bearer",
        { authorization: `Bearer ${alice.token}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=` },
      ],
      [
        "forged session cookie",
        { cookie: `better-auth.session_token=${encodeURIComponent(`${alice.token}.${"A".repeat(43)}=`)}` },
      ],
      ["expired session", { authorization: `Bearer ${expiredSession}` }],
      ["signed-out session", signedOut.headers],
      ["alg:none JWT", { authorization: `Bearer ${none}` }],
      [
        "MCP agent JWT used on REST",
        { authorization: `Bearer ${await signAgentToken(SECRETS.MCP_TOKEN_SECRET, alice.userId, 60)}` },
      ],
      ["personal token used on REST", { authorization: `Bearer ${aliceToken.token}` }],
      [
        "Basic auth",
        { authorization: `Basic ${Buffer.from(`${alice.email}:${alice.password}`).toString("base64")}` },
      ],
    ];
    const restResults = await Promise.all(
      restCases.map(
        async ([label, headers]) => [label, await call(stack.url, "GET", "/api/tasks", { headers })] as const,
      ),
    );
    const mcpCases: [string, string | undefined][] = [
      ["no token", undefined],
      ["forged personal token", "tfp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
      ["revoked personal token", revoked.token],
      ["alg:none JWT", none],
      ["JWT signed with another secret", wrongSecret],
      ["expired agent JWT", expiredAgent],
      ["agent JWT for another audience", otherAudience],
      ["REST session token", alice.token],
    ];
    const mcpResults = await Promise.all(
      mcpCases.map(async ([label, token]) => [label, await mcp(token, "list_tasks", {})] as const),
    );
    evidence(`[API2] REST: ${restResults.map(([l, r]) => `${l} → ${r.status}`).join("; ")}`);
    evidence(`[API2] MCP: ${mcpResults.map(([l, r]) => `${l} → ${r.status}`).join("; ")}`);
    for (const [label, r] of restResults) {
      expect(r.status, label).toBe(401);
      expect(isProblem(r), label).toBe(true);
    }
    for (const [label, r] of mcpResults) expect(r.status, label).toBe(401);
    // The genuine credentials still work.
    expect((await call(stack.url, "GET", "/api/tasks", { headers: alice.headers })).status).toBe(200);
    expect((await mcp(aliceToken.token, "list_tasks", {})).status).toBe(200);
  });

  it("API2 sessions: the signed cookie works, and a session due for its sliding refresh is extended, not lost", async () => {
    // The api answers the common case with one query and leaves the rest to Better Auth: check both paths.
    const signIn = await fetch(`${stack.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.url },
      body: JSON.stringify({ email: alice.email, password: alice.password }),
    });
    const cookie = (signIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const token = ((await signIn.json()) as { token: string }).token;
    const byCookie = await call(stack.url, "GET", "/api/tasks", { headers: { cookie } });
    // Expiring in 5 days with a 7-day lifetime and a 1-day update age: due for the refresh.
    await stack.db.query("update session set expires_at = now() + interval '5 days' where token = $1", [
      token,
    ]);
    const due = await call(stack.url, "GET", "/api/tasks", { headers: { authorization: `Bearer ${token}` } });
    const after = (
      await stack.db.query<{ days: number }>(
        "select extract(epoch from expires_at - now()) / 86400 as days from session where token = $1",
        [token],
      )
    ).rows[0];
    evidence(
      `[API2] session cookie → ${byCookie.status}; session due for refresh → ${due.status}, expiry now ${Number(after?.days).toFixed(2)} days away`,
    );
    expect(byCookie.status).toBe(200);
    expect(due.status).toBe(200);
    expect(Number(after?.days)).toBeGreaterThan(6.9);
  });

  describe("with sign-in throttled as in production (AUTH_RATE_LIMIT=5 per minute)", () => {
    let strict: Replica;
    beforeAll(async () => {
      strict = await stack.startExtraApi("api-strict", { AUTH_RATE_LIMIT: "5" });
    });

    // Sent straight to that replica with the X-Forwarded-For an ingress would add for one client.
    const from = (ip: string) => ({ origin: stack.url, "x-forwarded-for": ip });

    it("API2/API4 brute-force sign-in is cut off with 429, and the right password does not get through either", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await call(strict.url, "POST", "/api/auth/sign-in/email", {
          headers: from("198.51.100.23"),
          body: { email: alice.email, password: `guess-${i}-wrong` },
        });
        statuses.push(r.status);
      }
      const correct = await call(strict.url, "POST", "/api/auth/sign-in/email", {
        headers: from("198.51.100.23"),
        body: { email: alice.email, password: alice.password },
      });
      const elsewhere = await call(strict.url, "POST", "/api/auth/sign-in/email", {
        headers: from("198.51.100.99"),
        body: { email: alice.email, password: alice.password },
      });
      evidence(
        `[API2] 12 wrong passwords from one client: ${statuses.join(", ")}; then the right one: ${correct.status} (retry-after ${JSON.stringify((correct.body as { detail?: string })?.detail ?? "")}); another client meanwhile: ${elsewhere.status}`,
      );
      expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
      expect(statuses.indexOf(429)).toBeLessThanOrEqual(6);
      expect(correct.status).toBe(429);
      expect(isProblem(correct)).toBe(true);
      expect(elsewhere.status).toBe(200);
    });

    it("API6 sign-up flooding (account farming) from one client is cut off with 429", async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const r = await call(strict.url, "POST", "/api/auth/sign-up/email", {
          headers: from("203.0.113.50"),
          body: { name: "farm", email: `farm-${Date.now()}-${i}@example.com`, password: "farm password 123" },
        });
        statuses.push(r.status);
      }
      evidence(`[API6] 10 sign-ups from one client: ${statuses.join(", ")}`);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    });
  });

  it("API3 mass assignment: user_id, id and timestamps in bodies are refused by name, never applied", async () => {
    const forged = {
      user_id: bob.userId,
      id: 999_999,
      created_at: "2000-01-01T00:00:00Z",
      updated_at: "2000-01-01T00:00:00Z",
      completed_at: "2000-01-01T00:00:00Z",
    };
    const results: [string, Result][] = [];
    for (const [field, value] of Object.entries(forged)) {
      results.push([
        `POST ${field}`,
        await rest(alice, "POST", "/api/tasks", { title: "mass", [field]: value }),
      ]);
      results.push([
        `PATCH ${field}`,
        await rest(alice, "PATCH", `/api/tasks/${aliceTask.id}`, { title: "mass", [field]: value }),
      ]);
      results.push([
        `PUT ${field}`,
        await rest(alice, "PUT", `/api/tasks/${aliceTask.id}`, { title: "mass", [field]: value }),
      ]);
    }
    const signUpExtra = await call(stack.url, "POST", "/api/auth/sign-up/email", {
      headers: { origin: stack.url },
      body: {
        name: "mallory",
        email: `mallory-${Date.now()}@example.com`,
        password: "mallory password 1",
        emailVerified: true,
        id: "admin",
        role: "admin",
      },
    });
    const row = (
      await stack.db.query("select id, user_id, created_at from tasks where id = $1", [aliceTask.id])
    ).rows[0] as { user_id: string; created_at: Date };
    const planted = (
      await stack.db.query(
        "select count(*)::int as n from tasks where id = 999999 or (title = 'mass' and user_id <> $1)",
        [alice.userId],
      )
    ).rows[0] as { n: number };
    const mallory =
      signUpExtra.status === 200
        ? (
            await stack.db.query(`select id, email_verified from "user" where id = $1`, [
              (signUpExtra.body as { user: { id: string } }).user.id,
            ])
          ).rows[0]
        : undefined;
    const task = (await rest(alice, "GET", `/api/tasks/${aliceTask.id}`)).body as Record<string, unknown>;
    const tokens = (await rest(alice, "GET", "/api/tokens")).body as { items: Record<string, unknown>[] };
    evidence(
      `[API3] ${results.length} writes carrying forged fields: ${[...new Set(results.map(([, r]) => r.status))].join("/")} (each names the field: ${results.every(([label, r]) => JSON.stringify((r.body as { errors?: unknown })?.errors ?? "").includes(label.split(" ")[1] as string))}); owner and created_at unchanged; planted rows ${planted.n}; sign-up with emailVerified/id/role → ${signUpExtra.status}, stored ${JSON.stringify(mallory)}; task JSON keys ${Object.keys(task).join(",")}; token list keys ${Object.keys(tokens.items[0] ?? {}).join(",")}`,
    );
    for (const [label, r] of results) {
      expect(r.status, label).toBe(400);
      expect(JSON.stringify((r.body as { errors?: unknown }).errors), label).toContain(label.split(" ")[1]);
    }
    expect(row.user_id).toBe(alice.userId);
    expect(new Date(row.created_at).getFullYear()).toBeGreaterThan(2020);
    expect(planted.n).toBe(0);
    if (mallory) {
      expect(mallory).toMatchObject({ email_verified: false });
      expect((mallory as { id: string }).id).not.toBe("admin");
    }
    // Responses never expose the owner or a token's secret or hash.
    expect(Object.keys(task)).not.toContain("user_id");
    for (const item of tokens.items) {
      expect(Object.keys(item)).not.toContain("token");
      expect(Object.keys(item)).not.toContain("token_hash");
    }
  });

  it("API4 unrestricted resource consumption: page size, body size, message, title, tag limits", async () => {
    const big = "x".repeat(1024 * 1024 + 100);
    const cases: [string, Promise<Result>, number][] = [
      ["limit=101", rest(alice, "GET", "/api/tasks?limit=101"), 400],
      ["limit=100", rest(alice, "GET", "/api/tasks?limit=100"), 200],
      [
        "body over 1 MB",
        call(stack.url, "POST", "/api/tasks", {
          headers: { ...alice.headers, "content-type": "application/json" },
          raw: JSON.stringify({ title: "big", description: big }),
        }),
        413,
      ],
      [
        "chat message of 4001 characters",
        rest(alice, "POST", "/api/chat", { message: "a".repeat(4001) }),
        400,
      ],
      ["title of 201 characters", rest(alice, "POST", "/api/tasks", { title: "t".repeat(201) }), 400],
      [
        "description of 2001 characters",
        rest(alice, "POST", "/api/tasks", { title: "t", description: "d".repeat(2001) }),
        400,
      ],
      [
        "21 tags",
        rest(alice, "POST", "/api/tasks", {
          title: "t",
          tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
        }),
        400,
      ],
      ["search text of 201 characters", rest(alice, "GET", `/api/tasks?q=${"q".repeat(201)}`), 400],
      ["token name of 101 characters", rest(alice, "POST", "/api/tokens", { name: "n".repeat(101) }), 400],
      [
        "MCP body over 1 MB",
        call(stack.mcp.url, "POST", "/mcp", {
          headers: {
            authorization: `Bearer ${aliceToken.token}`,
            accept: "application/json, text/event-stream",
            "content-type": "application/json",
          },
          raw: JSON.stringify({
            jsonrpc: "2.0",
            id: 1,
            method: "tools/call",
            params: { name: "add_task", arguments: { title: big } },
          }),
        }),
        413,
      ],
    ];
    const results = await Promise.all(cases.map(async ([label, r, want]) => [label, await r, want] as const));
    const mcpLimit = await mcp(aliceToken.token, "list_tasks", { limit: 101 });
    const mcpTitle = await mcp(aliceToken.token, "add_task", { title: "t".repeat(201) });
    evidence(
      `[API4] ${results.map(([l, r]) => `${l} → ${r.status}`).join("; ")}; MCP list_tasks limit 101 → ${toolError(mcpLimit)?.isError ? "tool error" : "accepted"}; MCP add_task title 201 → ${toolError(mcpTitle)?.isError ? "tool error" : "accepted"}`,
    );
    for (const [label, r, want] of results) {
      expect(r.status, label).toBe(want);
      if (want >= 400 && !label.startsWith("MCP")) expect(isProblem(r), label).toBe(true);
    }
    expect(toolError(mcpLimit)?.isError).toBe(true);
    expect(toolError(mcpTitle)?.isError).toBe(true);
  });

  it("API5 broken function level authorization: the hackathon paths only ever act as the caller", async () => {
    const own = await rest(alice, "GET", `/api/${alice.userId}/tasks`);
    const foreign = await rest(alice, "GET", `/api/${bob.userId}/tasks`);
    const anonymous = await rest(undefined, "GET", `/api/${alice.userId}/tasks`);
    evidence(
      `[API5] alice on /api/{alice}/tasks → ${own.status}, on /api/{bob}/tasks → ${foreign.status}, anonymous → ${anonymous.status}`,
    );
    expect(own.status).toBe(200);
    expect(foreign.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });

  it("API8 security misconfiguration: hardened headers, no CORS for strangers, no form-style CSRF, no leaks", async () => {
    const r = await fetch(`${stack.url}/api/tasks`, { headers: alice.headers });
    const preflight = await fetch(`${stack.url}/api/tasks`, {
      method: "OPTIONS",
      headers: {
        origin: "https://evil.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });
    const cookieSignIn = await fetch(`${stack.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.url },
      body: JSON.stringify({ email: alice.email, password: alice.password }),
    });
    const setCookie = cookieSignIn.headers.getSetCookie().join("; ");
    const sessionCookie = (cookieSignIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const formCsrf = await call(stack.url, "POST", "/api/tasks", {
      headers: { cookie: sessionCookie, "content-type": "text/plain", origin: "https://evil.example" },
      raw: JSON.stringify({ title: "csrf" }),
    });
    const foreignOriginSignIn = await call(stack.url, "POST", "/api/auth/sign-in/email", {
      headers: { origin: "https://evil.example" },
      body: { email: alice.email, password: alice.password },
    });
    const notFound = await call(stack.url, "GET", "/api/does-not-exist");
    const csrfRows = (await stack.db.query("select count(*)::int as n from tasks where title = 'csrf'"))
      .rows[0] as { n: number };
    evidence(
      `[API8] x-powered-by ${r.headers.get("x-powered-by") ?? "absent"}, nosniff ${r.headers.get("x-content-type-options")}, frame ${r.headers.get("x-frame-options")}, CSP ${r.headers.get("content-security-policy") ? "set" : "absent"}; preflight from evil.example → ${preflight.status} allow-origin ${preflight.headers.get("access-control-allow-origin") ?? "none"}; session cookie flags "${setCookie.replace(/=[^;]+/, "=…")}"; text/plain cross-site POST with cookie → ${formCsrf.status} (rows ${csrfRows.n}); sign-in from a foreign Origin → ${foreignOriginSignIn.status}; unknown route → ${notFound.status} ${notFound.contentType}`,
    );
    expect(r.headers.get("x-powered-by")).toBeNull();
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-security-policy")).toBeTruthy();
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
    expect(preflight.headers.get("access-control-allow-origin")).not.toBe("*");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(formCsrf.status).toBe(415);
    expect(csrfRows.n).toBe(0);
    expect(foreignOriginSignIn.status).toBe(403);
    expect(notFound.status).toBe(404);
    expect(isProblem(notFound)).toBe(true);
    expect(JSON.stringify(notFound.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it("API9 improper inventory: every documented operation declares its authentication and enforces it", async () => {
    const spec = (await call(stack.url, "GET", "/api/openapi.json")).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const open = new Set(["POST /api/auth/sign-up/email", "POST /api/auth/sign-in/email"]);
    // Better Auth's session endpoints answer an anonymous caller by design, with nothing: null, a no-op.
    const harmless = new Set(["POST /api/auth/sign-out", "GET /api/auth/get-session"]);
    const anonymousSession = await call(stack.url, "GET", "/api/auth/get-session");
    expect(anonymousSession.body === null || anonymousSession.body === "null").toBe(true);
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    const undeclared = operations.filter(
      ({ method, path, op }) => !open.has(`${method} ${path}`) && !(op.security && op.security.length > 0),
    );
    const unenforced: string[] = [];
    for (const { method, path } of operations) {
      if (open.has(`${method} ${path}`) || harmless.has(`${method} ${path}`)) continue;
      const concrete = path.replace("{user_id}", alice.userId).replace("{id}", String(aliceTask.id));
      const r = await call(stack.url, method, concrete, {
        ...(method === "GET" || method === "DELETE" ? {} : { body: {} }),
        headers: { origin: stack.url },
      });
      if (r.status !== 401) unenforced.push(`${method} ${path} → ${r.status}`);
    }
    evidence(
      `[API9] ${operations.length} documented operations; without a security requirement: ${undeclared.map((o) => `${o.method} ${o.path}`).join(", ") || "none"}; answering anything but 401 without credentials: ${unenforced.join(", ") || "none"}`,
    );
    expect(operations.length).toBeGreaterThan(15);
    expect(unenforced).toEqual([]);
    expect(undeclared.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });
});
