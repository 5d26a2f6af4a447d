// The client side of the suite: bounded HTTP calls (every request has a timeout), a retry policy for
// idempotent calls, and sign-up/sign-in as a browser-less client does it.
import { randomBytes } from "node:crypto";

export interface Result {
  status: number;
  /** Parsed JSON body, when there is one. */
  body: unknown;
  contentType: string;
  ms: number;
  attempts: number;
  /** Set when no HTTP answer arrived (connection refused/reset, timeout). */
  networkError?: string;
  /** The test proxy answered itself (no replica ready): the request reached no replica. */
  fromProxy?: boolean;
}

export interface CallOptions {
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw body (string or bytes) instead of JSON. */
  raw?: string | Uint8Array;
  timeoutMs?: number;
  /** Retry network errors and 502/503/504 (only for calls that are safe to repeat). */
  retry?: boolean;
}

export const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE"]);
const RETRY_DELAYS_MS = [100, 200, 400, 800, 1600];

async function once(base: string, method: string, path: string, options: CallOptions): Promise<Result> {
  const started = performance.now();
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Uint8Array | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body as BodyInit | undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    const contentType = response.headers.get("content-type") ?? "";
    let parsed: unknown = text;
    if (contentType.includes("json") && text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const fromProxy = response.headers.get("x-answered-by") === "proxy";
    return {
      status: response.status,
      body: parsed,
      contentType,
      ms: performance.now() - started,
      attempts: 1,
      ...(fromProxy ? { fromProxy } : {}),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    const code = cause?.code ?? (error as Error).name;
    return {
      status: 0,
      body: undefined,
      contentType: "",
      ms: performance.now() - started,
      attempts: 1,
      networkError: code,
    };
  }
}

/** One HTTP call; with `retry`, repeated on network errors and 502/503/504 with backoff (~3 s at most). */
export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Result> {
  const started = performance.now();
  let result = await once(base, method, path, options);
  if (!options.retry) return result;
  for (const [i, delay] of RETRY_DELAYS_MS.entries()) {
    if (!(result.networkError || [502, 503, 504].includes(result.status))) break;
    await new Promise((r) => setTimeout(r, delay));
    result = { ...(await once(base, method, path, options)), attempts: i + 2 };
  }
  return { ...result, ms: performance.now() - started };
}

export interface Account {
  email: string;
  password: string;
  token: string;
  userId: string;
  headers: Record<string, string>;
}

/** Sign-up through the public URL (Better Auth checks the Origin in production, as a browser sends it). */
export async function signUp(base: string, label = "user"): Promise<Account> {
  const email = `${label}-${randomBytes(5).toString("hex")}@example.com`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const result = await call(base, "POST", "/api/auth/sign-up/email", {
    headers: { origin: base },
    body: { name: label, email, password },
    retry: false,
  });
  if (result.status !== 200)
    throw new Error(`sign-up failed: ${result.status} ${JSON.stringify(result.body)}`);
  const body = result.body as { token: string; user: { id: string } };
  return {
    email,
    password,
    token: body.token,
    userId: body.user.id,
    headers: { authorization: `Bearer ${body.token}` },
  };
}

export async function signIn(base: string, account: Pick<Account, "email" | "password">): Promise<Result> {
  return call(base, "POST", "/api/auth/sign-in/email", {
    headers: { origin: base },
    body: { email: account.email, password: account.password },
  });
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return results;
}

export const isProblem = (r: Result) => r.contentType.startsWith("application/problem+json");
