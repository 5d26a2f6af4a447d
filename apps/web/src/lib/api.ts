// The browser's only way to the api: same-origin /api/* calls through the web server's proxy.
// Types come from the shared contracts (type-only imports, so no schema code reaches the bundle).
import type { FieldError, Problem } from "@taskflow/contracts";
import {
  browserOffline,
  OFFLINE_MESSAGE,
  reportReachable,
  reportWriteFailed,
} from "../components/pwa/connectivity";

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly fieldErrors: FieldError[];

  constructor(status: number, title: string, detail: string, fieldErrors: FieldError[] = []) {
    super(detail || title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.fieldErrors = fieldErrors;
  }
}

/** Sends the browser to sign-in, remembering where it was. */
export function redirectToSignIn(): void {
  if (typeof window === "undefined" || window.location.pathname === "/sign-in") return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`);
}

/** Turns any error body (problem+json, Better Auth's {code, message}, or nothing) into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<Problem> & { message?: string; code?: string } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's HTML error page, say); fall back to the status line.
  }
  const title = body.title ?? response.statusText ?? "Request failed";
  const detail = body.detail ?? body.message ?? defaultDetail(response.status);
  return new ApiError(response.status, title, detail, Array.isArray(body.errors) ? body.errors : []);
}

function defaultDetail(status: number): string {
  if (status === 504) return NOT_ANSWERING;
  if (status === 502 || status === 503)
    return "The server is not reachable right now. Try again in a moment.";
  if (status === 429) return "Too many requests. Wait a moment and try again.";
  if (status >= 500) return "Something went wrong on our side. Try again.";
  return `Request failed (${status}).`;
}

/**
 * How long the browser waits for an answer. A little longer than the web server's own limit on the
 * api (API_TIMEOUT_MS, 15 s by default), so that the server's plain-words 504 normally comes first;
 * this one covers a web server that is not answering either.
 */
export const REQUEST_TIMEOUT_MS = 20_000;

const NOT_ANSWERING = "Taskflow's server is not answering right now. Try again in a moment.";
const UNREACHABLE = "Could not reach Taskflow. Check your connection and try again.";
const UNREADABLE = "Taskflow's server sent an answer that could not be read. Try again in a moment.";

type JsonInit = Omit<RequestInit, "body"> & {
  json?: unknown;
  /** A body that is not JSON, sent as it is (give its content-type in `headers`). */
  body?: string;
  redirectOn401?: boolean;
  /** Give up after this long (REQUEST_TIMEOUT_MS by default). */
  timeoutMs?: number;
};

/**
 * fetch + JSON + problem handling. A 401 anywhere means the session is gone: go sign in. Whatever goes
 * wrong on the way (no network, no answer in time, an answer cut off), the error says so in plain
 * words and nothing is left waiting: the caller's form can be sent again as it is.
 */
export async function api<T>(path: string, init: JsonInit = {}): Promise<T> {
  const { json, body, redirectOn401 = true, headers, signal, timeoutMs = REQUEST_TIMEOUT_MS, ...rest } = init;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const passOn = () => deadline.abort(signal?.reason);
  if (signal?.aborted) passOn();
  else signal?.addEventListener("abort", passOn, { once: true });
  const failed = (error: unknown): unknown => {
    // The caller's own abort (a newer search replaced this one) is not a failure to report.
    if (signal?.aborted) return error;
    if (deadline.signal.aborted) return new ApiError(0, "Not answering", NOT_ANSWERING);
    // A change that never reached the server: the offline banner says so until an answer comes back.
    if (rest.method && !["GET", "HEAD"].includes(rest.method.toUpperCase())) reportWriteFailed();
    if (browserOffline()) return new ApiError(0, "Offline", OFFLINE_MESSAGE);
    return new ApiError(0, "Network error", UNREACHABLE);
  };
  try {
    let response: Response;
    try {
      response = await fetch(path, {
        credentials: "same-origin",
        ...rest,
        signal: deadline.signal,
        headers: {
          accept: "application/json",
          ...(json !== undefined ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        body: json !== undefined ? JSON.stringify(json) : body,
      });
    } catch (error) {
      throw failed(error);
    }
    reportReachable();
    if (response.status === 401 && redirectOn401) {
      redirectToSignIn();
      throw new ApiError(401, "Signed out", "Your session has ended. Please sign in again.");
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw failed(error);
    }
    try {
      return (text ? JSON.parse(text) : null) as T;
    } catch {
      // A 200 that is not JSON (a proxy's HTML page, say): say so, not the parser's "Unexpected token".
      throw new ApiError(response.status, "Unreadable answer", UNREADABLE);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", passOn);
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
