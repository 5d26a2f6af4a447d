// Tiny HTTP helpers for the suites that call a service over real HTTP: fetch against a listening
// server, parsed bodies, and one assertion for the problem+json shape every error must have.
import { expect } from "vitest";

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON (or problem+json), else the raw text. */
  body: T;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Serialised as JSON with `content-type: application/json` unless `raw` is given. */
  json?: unknown;
  /** Sent as-is (set your own content-type). */
  raw?: string;
}

export async function http<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const parsed = type.includes("json") && text ? (JSON.parse(text) as T) : (text as T);
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Binds `http` to one base URL and one set of credentials. */
export function client(baseUrl: string, credentials: Record<string, string> = {}) {
  const call =
    (method: string) =>
    <T = unknown>(path: string, options: RequestOptions = {}) =>
      http<T>(baseUrl, method, path, { ...options, headers: { ...credentials, ...options.headers } });
  return {
    get: call("GET"),
    post: call("POST"),
    put: call("PUT"),
    patch: call("PATCH"),
    delete: call("DELETE"),
  };
}

export interface ProblemBody {
  type: string;
  status: number;
  title: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

/**
 * Asserts an RFC 9457 problem with the given status; with `fields`, that `errors[]` names each of
 * them (and the detail mentions them). Returns the parsed problem.
 */
export function expectProblem(result: HttpResult, status: number, fields: string[] = []): ProblemBody {
  expect(result.status, `${result.status} ${result.text}`).toBe(status);
  expect(result.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = result.body as ProblemBody;
  expect(problem).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect(problem.title.length).toBeGreaterThan(0);
  expect(problem.detail.length).toBeGreaterThan(0);
  if (fields.length) {
    const named = (problem.errors ?? []).map((e) => e.field);
    for (const field of fields) {
      expect(named, `errors[] of ${result.text}`).toContain(field);
      expect(problem.detail.toLowerCase()).toContain(field.toLowerCase());
    }
    for (const error of problem.errors ?? []) expect(error.message.length).toBeGreaterThan(0);
  }
  return problem;
}
