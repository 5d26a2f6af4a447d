// Fuzz: fast-check throws generated bodies, query strings, headers and path ids at every REST route, and
// generated arguments at every MCP tool (plus malformed JSON-RPC). Never a 5xx, never a crash, every
// error is problem+json; afterwards every task has an owner and the fuzzing user's task count is exactly
// what the acknowledged answers add up to, while the other user's tasks are untouched.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, call, isProblem, type Result, signUp } from "./harness/client";
import { evidence } from "./harness/settings";
import { type Stack, startStack } from "./harness/stack";

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const RUNS = { rest: 1200, chat: 120, mcp: 600, rpc: 150 };

interface Tally {
  sent: number;
  byStatus: Record<string, number>;
  /** Net tasks the fuzzing user should own, from the answers it got. */
  expectedTasks: number;
  failures: string[];
}

const tally: Tally = { sent: 0, byStatus: {}, expectedTasks: 0, failures: [] };
function record(label: string, r: Result) {
  tally.sent++;
  const key = r.networkError ? `net:${r.networkError}` : String(r.status);
  tally.byStatus[key] = (tally.byStatus[key] ?? 0) + 1;
  if (r.networkError || r.status >= 500)
    tally.failures.push(`${label} → ${key} ${JSON.stringify(r.body)?.slice(0, 200)}`);
  if (r.status >= 400 && r.status < 500 && !isProblem(r))
    tally.failures.push(`${label} → ${r.status} without problem+json (${r.contentType})`);
  if (r.status >= 400 && isProblem(r) && (r.body as { status?: number })?.status !== r.status)
    tally.failures.push(`${label} → problem status mismatch`);
}

/** Tasks a chat turn created or deleted, from its tool calls. */
function chatDelta(body: unknown): number {
  const calls =
    (body as { tool_calls?: { tool: string; result?: { status?: string }; is_error?: boolean }[] })
      ?.tool_calls ?? [];
  let delta = 0;
  for (const c of calls) {
    if (c.is_error) continue;
    if (c.tool === "add_task" && c.result?.status === "created") delta++;
    if (c.tool === "delete_task" && c.result?.status === "deleted") delta--;
  }
  return delta;
}

// ---------------------------------------------------------------- generators

const weirdString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "null",
    "undefined",
    "NaN",
    "-1",
    "0",
    "1e309",
    "9999999999999999999",
    "%",
    "%00",
    "../",
    "' or 1=1 --",
    "<script>",
    "🙂".repeat(60),
    "x".repeat(5000),
  ),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const dateish = fc.oneof(
  fc
    .date({ min: new Date("1800-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom("2026-02-31", "2026-13-01", "tomorrow", "2026-01-01T25:00:00Z", "0000-01-01", "2026-01-01"),
  weirdString,
);
const taskLike = fc.record(
  {
    title: fc.oneof(weirdString, fc.string({ minLength: 1, maxLength: 250 }), anyJson),
    description: fc.oneof(weirdString, fc.string({ maxLength: 2100 }), anyJson),
    priority: fc.oneof(fc.constantFrom("none", "low", "medium", "high", "HIGH", "urgent"), anyJson),
    tags: fc.oneof(
      fc.array(fc.oneof(weirdString, fc.constantFrom("work", "home", "a-b_c")), { maxLength: 25 }),
      anyJson,
    ),
    due_at: fc.oneof(dateish, fc.constant(null), anyJson),
    completed: fc.oneof(fc.boolean(), anyJson),
    user_id: weirdString,
    id: fc.integer(),
    created_at: dateish,
    extra: anyJson,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 5, arbitrary: taskLike.map((b) => ({ json: b as unknown })) },
  { weight: 2, arbitrary: anyJson.map((b) => ({ json: b as unknown })) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(weirdString, fc.constantFrom("{", '{"title":', "[]", "true", '{"title":"a"}x'))
      .map((raw) => ({ raw })),
  },
  { weight: 1, arbitrary: fc.constant({}) },
);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      "status",
      "priority",
      "tag",
      "q",
      "due_before",
      "due_after",
      "sort",
      "limit",
      "cursor",
      "user_id",
    ),
    weirdString,
  ),
  fc.oneof(
    weirdString,
    fc.integer({ min: -10, max: 1000 }).map(String),
    fc.constantFrom(
      "all",
      "pending",
      "completed",
      "-created",
      "title",
      "due",
      "-priority",
      "high",
      "2026-01-01",
      "eyJ4Ijox",
    ),
  ),
  { maxKeys: 4 },
);
const headers = fc.record(
  {
    // Mostly JSON, so most requests get past the parser to the routes' own validation.
    "content-type": fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/xml",
          "multipart/form-data; boundary=x",
          "",
          "application/json; charset=utf-16",
        ),
      },
    ),
    accept: fc.constantFrom("application/json", "text/event-stream", "*/*", "text/html"),
    "x-request-id": fc.oneof(
      fc.string({ maxLength: 200 }).map((s) => s.replace(/[^\x20-\x7e]/g, "")),
      fc.constantFrom("abc", "a".repeat(300)),
    ),
    "accept-language": fc.constantFrom("en", "de-DE,de;q=0.9", "*"),
  },
  { requiredKeys: [] },
);

type Route = { method: string; path: (ids: Ids) => fc.Arbitrary<string>; body?: boolean };
interface Ids {
  own: number[];
  other: number[];
  ownUser: string;
  otherUser: string;
  conversations: number[];
  tokens: number[];
  /** Alice's list and Bob's: the list routes get both (Bob's must stay a 404). */
  lists: number[];
}
const idFrom = (pool: number[]) =>
  fc.oneof(
    fc.constantFrom(...(pool.length ? pool : [1])).map(String),
    fc.integer({ min: -5, max: 2 ** 33 }).map(String),
    weirdString.map((s) => encodeURIComponent(s)),
    fc.constantFrom("0", "1.5", "1e3", "0x10", "2147483648", "%20", "null"),
  );
const withQuery = (path: string, q: Record<string, string>) => {
  const qs = new URLSearchParams(q).toString();
  return qs ? `${path}?${qs}` : path;
};

function routes(ids: Ids): Route[] {
  const anyTask = fc.oneof(idFrom(ids.own), idFrom(ids.other));
  const userSeg = fc.oneof(
    fc.constant(ids.ownUser),
    fc.constant(ids.otherUser),
    weirdString.map((s) => encodeURIComponent(s) || "x"),
  );
  return [
    { method: "GET", path: () => query.map((q) => withQuery("/api/tasks", q)) },
    { method: "POST", path: () => fc.constant("/api/tasks"), body: true },
    { method: "GET", path: () => anyTask.map((id) => `/api/tasks/${id}`) },
    { method: "PATCH", path: () => anyTask.map((id) => `/api/tasks/${id}`), body: true },
    { method: "PUT", path: () => anyTask.map((id) => `/api/tasks/${id}`), body: true },
    { method: "PATCH", path: () => anyTask.map((id) => `/api/tasks/${id}/complete`), body: true },
    { method: "DELETE", path: () => anyTask.map((id) => `/api/tasks/${id}`) },
    { method: "GET", path: () => fc.tuple(userSeg, query).map(([u, q]) => withQuery(`/api/${u}/tasks`, q)) },
    { method: "POST", path: () => userSeg.map((u) => `/api/${u}/tasks`), body: true },
    {
      method: "PATCH",
      path: () => fc.tuple(userSeg, anyTask).map(([u, id]) => `/api/${u}/tasks/${id}`),
      body: true,
    },
    { method: "DELETE", path: () => fc.tuple(userSeg, anyTask).map(([u, id]) => `/api/${u}/tasks/${id}`) },
    {
      method: "PATCH",
      path: () => fc.tuple(userSeg, anyTask).map(([u, id]) => `/api/${u}/tasks/${id}/complete`),
    },
    { method: "GET", path: () => fc.constant("/api/lists") },
    { method: "POST", path: () => fc.constant("/api/lists"), body: true },
    { method: "PATCH", path: () => idFrom(ids.lists).map((id) => `/api/lists/${id}`), body: true },
    { method: "DELETE", path: () => idFrom(ids.lists).map((id) => `/api/lists/${id}`) },
    {
      method: "GET",
      path: () =>
        fc
          .oneof(query, fc.record({ format: fc.constantFrom("json", "csv", "xml", "") }))
          .map((q) => withQuery("/api/export", q)),
    },
    {
      method: "POST",
      path: () =>
        fc
          .record(
            {
              dry_run: fc.constantFrom("true", "false", "1", "x"),
              format: fc.constantFrom("json", "todoist", "csv"),
              list: weirdString,
            },
            { requiredKeys: [] },
          )
          .map((q) => withQuery("/api/import", q)),
      body: true,
    },
    { method: "GET", path: () => fc.constant("/api/conversations") },
    { method: "GET", path: () => idFrom(ids.conversations).map((id) => `/api/conversations/${id}`) },
    { method: "DELETE", path: () => idFrom([]).map((id) => `/api/conversations/${id}`) },
    { method: "GET", path: () => fc.constant("/api/tokens") },
    { method: "POST", path: () => fc.constant("/api/tokens"), body: true },
    { method: "DELETE", path: () => idFrom([]).map((id) => `/api/tokens/${id}`) },
    { method: "POST", path: () => fc.constant("/api/auth/sign-in/email"), body: true },
    { method: "GET", path: () => fc.constant("/api/auth/get-session") },
    { method: "GET", path: () => weirdString.map((s) => `/api/${encodeURIComponent(s)}`) },
  ];
}

describe("fuzz", () => {
  let stack: Stack;
  let alice: Account;
  let bob: Account;
  let personalToken: string;
  let ids: Ids;
  let bobSnapshot: string;

  const snapshot = async (userId: string) =>
    JSON.stringify([
      (
        await stack.db.query(
          "select id, title, description, priority, tags, completed, due_at, all_day, deleted_at, list_id from tasks where user_id = $1 order by id",
          [userId],
        )
      ).rows,
      (await stack.db.query("select id, name from lists where user_id = $1 order by id", [userId])).rows,
    ]);

  beforeAll(async () => {
    stack = await startStack();
    alice = await signUp(stack.url, "fuzz-alice");
    bob = await signUp(stack.url, "fuzz-bob");
    const other: number[] = [];
    for (let i = 0; i < 5; i++) {
      await call(stack.url, "POST", "/api/tasks", { headers: alice.headers, body: { title: `alice ${i}` } });
      other.push(
        (
          (await call(stack.url, "POST", "/api/tasks", { headers: bob.headers, body: { title: `bob ${i}` } }))
            .body as { id: number }
        ).id,
      );
    }
    const ownIds = (
      await stack.db.query<{ id: number }>("select id from tasks where user_id = $1 and deleted_at is null", [
        alice.userId,
      ])
    ).rows.map((r) => r.id);
    tally.expectedTasks = ownIds.length;
    const token = await call(stack.url, "POST", "/api/tokens", {
      headers: alice.headers,
      body: { name: "fuzz" },
    });
    personalToken = (token.body as { token: string }).token;
    const turn = await call(stack.url, "POST", "/api/chat", {
      headers: alice.headers,
      body: { message: "show my tasks" },
    });
    ids = {
      own: ownIds,
      other,
      ownUser: alice.userId,
      otherUser: bob.userId,
      conversations: [(turn.body as { conversation_id: number }).conversation_id],
      tokens: [(token.body as { id: number }).id],
      lists: [],
    };
    for (const [who, name] of [
      [alice, "Alice's list"],
      [bob, "Bob's list"],
    ] as const) {
      const list = await call(stack.url, "POST", "/api/lists", { headers: who.headers, body: { name } });
      ids.lists.push((list.body as { id: number }).id);
    }
    bobSnapshot = await snapshot(bob.userId);
    evidence(
      `[fuzz] seed ${SEED} (FUZZ_SEED=${SEED} reproduces); alice owns ${ids.own.length} tasks, bob ${ids.other.length}`,
    );
  });
  afterAll(() => stack?.close());

  it(`every REST route with generated bodies, query strings, headers and ids (${RUNS.rest} runs): never a 5xx`, async () => {
    const all = routes(ids);
    const request = fc.integer({ min: 0, max: all.length - 1 }).chain((i) => {
      const route = all[i] as Route;
      return fc.record({ route: fc.constant(route), path: route.path(ids), body, headers });
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ route, path, body: b, headers: h }) => {
        const sendBody = route.body || route.method !== "GET";
        const options = {
          headers: { ...h, ...alice.headers, origin: stack.url },
          ...(sendBody && "json" in b ? { raw: JSON.stringify(b.json) } : {}),
          ...(sendBody && "raw" in b ? { raw: b.raw } : {}),
          timeoutMs: 15_000,
        };
        const r = await call(stack.url, route.method, path, options);
        record(`${route.method} ${path}`, r);
        // Acknowledged changes to alice's task count.
        const ownCollection = path.startsWith("/api/tasks") || path.startsWith(`/api/${alice.userId}/tasks`);
        if (route.method === "POST" && r.status === 201 && ownCollection) tally.expectedTasks++;
        if (route.method === "DELETE" && r.status === 204 && ownCollection) tally.expectedTasks--;
        if (path.startsWith("/api/import") && r.status === 201)
          tally.expectedTasks += (r.body as { imported: { tasks: number } }).imported.tasks;
        return r.status < 500 && !r.networkError;
      }),
      { numRuns: RUNS.rest, seed: SEED, endOnFailure: true },
    );
  });

  it(`chat with generated messages and conversation ids (${RUNS.chat} runs): never a 5xx`, async () => {
    const message = fc.oneof(
      weirdString,
      fc
        .tuple(
          fc.constantFrom("add ", "delete ", "complete ", "show ", "rename ", "mark "),
          fc.string({ maxLength: 80 }),
        )
        .map(([a, b]) => a + b),
      fc.string({ minLength: 3990, maxLength: 4100 }),
      anyJson,
    );
    const turn = fc.record(
      {
        message,
        conversation_id: fc.oneof(fc.constant(undefined), idFrom(ids.conversations), anyJson),
        stream: fc.boolean(),
      },
      { requiredKeys: ["message"] },
    );
    await fc.assert(
      fc.asyncProperty(turn, async ({ message: m, conversation_id, stream }) => {
        const r = await call(stack.url, "POST", "/api/chat", {
          headers: { ...alice.headers, ...(stream ? { accept: "text/event-stream" } : {}) },
          body: { message: m, ...(conversation_id === undefined ? {} : { conversation_id }) },
          timeoutMs: 20_000,
        });
        record("POST /api/chat", r);
        if (r.status === 200 && !stream) tally.expectedTasks += chatDelta(r.body);
        if (r.status === 200 && stream) {
          const text = String(r.body);
          const done = /event: done\ndata: (.*)\n/.exec(text);
          if (done?.[1]) tally.expectedTasks += chatDelta(JSON.parse(done[1]));
          if (/event: error\ndata: .*"status":5\d\d/.test(text))
            tally.failures.push(`streamed chat ended with a 5xx error event: ${text.slice(-300)}`);
        }
        return r.status < 500 && !r.networkError;
      }),
      { numRuns: RUNS.chat, seed: SEED, endOnFailure: true },
    );
  });

  it(`every MCP tool with generated arguments (${RUNS.mcp} runs): a result or a tool error, never a 5xx`, async () => {
    const tool = fc.constantFrom(
      "add_task",
      "list_tasks",
      "complete_task",
      "delete_task",
      "update_task",
      "no_such_tool",
    );
    const argKeys = fc.constantFrom(
      "title",
      "description",
      "priority",
      "tags",
      "due",
      "task_id",
      "status",
      "tag",
      "query",
      "due_before",
      "due_after",
      "limit",
      "completed",
      "user_id",
      "extra",
    );
    const argValue = fc.oneof(
      weirdString,
      anyJson,
      fc.integer({ min: -3, max: 2 ** 33 }),
      fc.constantFrom(...ids.own, ...ids.other),
      dateish,
      fc.constantFrom("pending", "high", 100, 101, 0, null, ids.otherUser),
    );
    const args = fc.oneof(fc.dictionary(argKeys, argValue, { maxKeys: 6 }), anyJson);
    // A token of its own: the REST fuzz above may well have revoked the first one (DELETE /api/tokens/{id}).
    const created = await call(stack.url, "POST", "/api/tokens", {
      headers: alice.headers,
      body: { name: "fuzz mcp" },
    });
    personalToken = (created.body as { token: string }).token;
    await fc.assert(
      fc.asyncProperty(tool, args, async (name, a) => {
        const r = await call(stack.mcp.url, "POST", "/mcp", {
          headers: {
            accept: "application/json, text/event-stream",
            authorization: `Bearer ${personalToken}`,
          },
          body: { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: a } },
        });
        tally.sent++;
        tally.byStatus[`mcp:${r.status}`] = (tally.byStatus[`mcp:${r.status}`] ?? 0) + 1;
        const rpc = r.body as {
          result?: { isError?: boolean; structuredContent?: { status?: string } };
          error?: { code: number };
        };
        if (r.status >= 500 || r.networkError)
          tally.failures.push(
            `mcp ${name} ${JSON.stringify(a).slice(0, 200)} → ${r.status || r.networkError}`,
          );
        if (rpc?.error?.code === -32603)
          tally.failures.push(`mcp ${name} → internal error ${JSON.stringify(rpc.error)}`);
        const result = rpc?.result;
        if (result && !result.isError) {
          if (name === "add_task" && result.structuredContent?.status === "created") tally.expectedTasks++;
          if (name === "delete_task" && result.structuredContent?.status === "deleted") tally.expectedTasks--;
        }
        // A 4xx is a fair answer too (e.g. Fastify refuses a "__proto__" key as prototype poisoning).
        return r.status < 500 && !r.networkError && rpc?.error?.code !== -32603;
      }),
      { numRuns: RUNS.mcp, seed: SEED, endOnFailure: true },
    );
  });

  it(`malformed JSON-RPC and headers on /mcp (${RUNS.rpc} runs): a 4xx or a JSON-RPC error, never a 5xx`, async () => {
    const rpcBody = fc.oneof(
      anyJson.map((j) => JSON.stringify(j)),
      weirdString,
      fc
        .record(
          {
            jsonrpc: fc.oneof(fc.constant("2.0"), weirdString),
            id: anyJson,
            method: fc.oneof(
              fc.constantFrom("tools/call", "tools/list", "initialize", "resources/list", "ping"),
              weirdString,
            ),
            params: anyJson,
          },
          { requiredKeys: [] },
        )
        .map((j) => JSON.stringify(j)),
    );
    // Header values must be printable ASCII for any HTTP client to send them at all.
    const auth = fc.oneof(
      fc.constant(`Bearer ${personalToken}`),
      weirdString.map((s) => s.replace(/[^\x20-\x7e]/g, "")),
      fc.constant("Bearer tfp_forged"),
      fc.constant(""),
    );
    await fc.assert(
      fc.asyncProperty(rpcBody, auth, headers, async (raw, authorization, h) => {
        const r = await call(stack.mcp.url, "POST", "/mcp", {
          headers: {
            ...h,
            accept: "application/json, text/event-stream",
            ...(authorization ? { authorization } : {}),
          },
          raw,
        });
        tally.sent++;
        tally.byStatus[`mcp:${r.status}`] = (tally.byStatus[`mcp:${r.status}`] ?? 0) + 1;
        if (r.status >= 500 || r.networkError)
          tally.failures.push(`mcp raw ${raw.slice(0, 100)} → ${r.status || r.networkError}`);
        const rpc = r.body as
          | {
              result?: { structuredContent?: { status?: string }; isError?: boolean };
              error?: { code: number };
            }
          | undefined;
        // A well-formed add/delete can slip through: count it like any acknowledged call.
        if (r.status === 200 && rpc?.result && !rpc.result.isError) {
          const sent = safeParse(raw) as { method?: string; params?: { name?: string } } | undefined;
          if (
            sent?.method === "tools/call" &&
            sent.params?.name === "add_task" &&
            rpc.result.structuredContent?.status === "created"
          )
            tally.expectedTasks++;
          if (
            sent?.method === "tools/call" &&
            sent.params?.name === "delete_task" &&
            rpc.result.structuredContent?.status === "deleted"
          )
            tally.expectedTasks--;
        }
        return r.status < 500 && !r.networkError;
      }),
      { numRuns: RUNS.rpc, seed: SEED, endOnFailure: true },
    );
  });

  it("afterwards: every process alive and ready, every task has an owner, counts match what was acknowledged", async () => {
    const ready = await Promise.all([...stack.apis, stack.mcp].map((r) => call(r.url, "GET", "/readyz")));
    const orphans = (
      await stack.db.query<{ n: number }>(
        `select count(*)::int as n from tasks t left join "user" u on u.id = t.user_id where u.id is null or t.user_id is null`,
      )
    ).rows[0]?.n;
    const aliceCount = (
      await stack.db.query<{ n: number }>(
        "select count(*)::int as n from tasks where user_id = $1 and deleted_at is null",
        [alice.userId],
      )
    ).rows[0]?.n;
    const bobNow = await snapshot(bob.userId);
    const orphanMessages = (
      await stack.db.query<{ n: number }>(
        "select count(*)::int as n from messages m left join conversations c on c.id = m.conversation_id where c.id is null",
      )
    ).rows[0]?.n;
    evidence(
      `[fuzz] ${tally.sent} requests sent, statuses ${JSON.stringify(tally.byStatus)}; failures ${tally.failures.length}${tally.failures.length ? `: ${tally.failures.slice(0, 5).join(" | ")}` : ""}`,
    );
    evidence(
      `[fuzz] invariants: processes ready ${ready.map((r) => r.status).join("/")}, tasks without an owner ${orphans}, messages without a conversation ${orphanMessages}, alice owns ${aliceCount} tasks (acknowledged answers add up to ${tally.expectedTasks}), bob's tasks unchanged: ${bobNow === bobSnapshot}`,
    );
    expect(tally.failures).toEqual([]);
    expect([...stack.apis, stack.mcp].every((r) => r.running && r.starts === 1)).toBe(true);
    expect(ready.every((r) => r.status === 200)).toBe(true);
    expect(orphans).toBe(0);
    expect(orphanMessages).toBe(0);
    expect(aliceCount).toBe(tally.expectedTasks);
    expect(bobNow).toBe(bobSnapshot);
  });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
