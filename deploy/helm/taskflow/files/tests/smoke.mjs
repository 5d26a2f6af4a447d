// helm test checks, run with `node --input-type=module -e` in the api image (no curl needed).
// CHECK selects one: web-health | api-ready | roundtrip | mcp-tools. Service URLs come from the
// release ConfigMap (API_URL, MCP_URL) plus WEB_URL, so every request goes through a Service.
const { CHECK, WEB_URL, API_URL, MCP_URL, BETTER_AUTH_URL } = process.env;
const origin = BETTER_AUTH_URL ?? WEB_URL;

function fail(message) {
  console.error(`FAIL ${CHECK}: ${message}`);
  process.exit(1);
}

async function retry(what, fn, attempts = 20) {
  let last;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  fail(`${what}: ${last instanceof Error ? last.message : String(last)}`);
}

async function expectOk(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`GET ${url} -> ${res.status}`);
  console.log(`ok GET ${url} -> ${res.status}`);
}

async function json(method, url, body, headers = {}) {
  const res = await fetch(url, {
    method,
    signal: AbortSignal.timeout(15000),
    headers: { "content-type": "application/json", origin, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { res, text, data: text ? safeParse(text) : undefined };
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function signUp(base) {
  const email = `helm-test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const { res, text } = await json("POST", `${base}/api/auth/sign-up/email`, {
    name: "Helm Test",
    email,
    password: `pw-${crypto.randomUUID()}`,
  });
  const token = res.headers.get("set-auth-token");
  if (!res.ok || !token) throw new Error(`sign-up -> ${res.status} ${text.slice(0, 200)}`);
  console.log(`ok sign-up ${email}`);
  return { authorization: `Bearer ${token}` };
}

const checks = {
  "web-health": () => retry("web /healthz", () => expectOk(`${WEB_URL}/healthz`)),
  "api-ready": () => retry("api /readyz", () => expectOk(`${API_URL}/readyz`)),
  // Through the web Service, so the web -> api proxy is exercised too.
  roundtrip: () =>
    retry(
      "sign-up + task round trip",
      async () => {
        const auth = await signUp(WEB_URL);
        const title = `helm test ${Date.now()}`;
        const created = await json("POST", `${WEB_URL}/api/tasks`, { title }, auth);
        if (created.res.status !== 201)
          throw new Error(`POST /api/tasks -> ${created.res.status} ${created.text}`);
        const listed = await json("GET", `${WEB_URL}/api/tasks?status=all`, undefined, auth);
        const items = listed.data?.items ?? [];
        if (!listed.res.ok || !items.some((t) => t.title === title)) {
          throw new Error(`GET /api/tasks -> ${listed.res.status}, created task missing`);
        }
        console.log(`ok task round trip (${items.length} task(s))`);
      },
      5,
    ),
  "mcp-tools": () =>
    retry(
      "MCP tools/list",
      async () => {
        const auth = await signUp(API_URL);
        const minted = await json("POST", `${API_URL}/api/tokens`, { name: "helm test" }, auth);
        const token = minted.data?.token;
        if (minted.res.status !== 201 || !token) throw new Error(`POST /api/tokens -> ${minted.res.status}`);
        const res = await fetch(MCP_URL, {
          method: "POST",
          signal: AbortSignal.timeout(15000),
          headers: {
            authorization: `Bearer ${token}`,
            accept: "application/json, text/event-stream",
            "content-type": "application/json",
          },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
        });
        const text = await res.text();
        // Streamable HTTP answers with JSON or with one SSE "data:" line holding the JSON-RPC reply.
        const payload = (res.headers.get("content-type") ?? "").includes("text/event-stream")
          ? text
              .split("\n")
              .find((l) => l.startsWith("data:"))
              ?.slice(5)
          : text;
        const tools = (safeParse(payload ?? "")?.result?.tools ?? []).map((t) => t.name);
        if (!res.ok || !tools.includes("add_task"))
          throw new Error(`tools/list -> ${res.status} ${text.slice(0, 200)}`);
        console.log(`ok MCP tools/list: ${tools.join(", ")}`);
      },
      5,
    ),
};

const run = checks[CHECK];
if (!run) fail(`unknown CHECK; expected one of ${Object.keys(checks).join(", ")}`);
await run();
