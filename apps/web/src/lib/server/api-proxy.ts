// The /api/* proxy: forwards one browser request to the api and streams the answer back.
//
// Built on node:http rather than fetch, for three reasons the browser can see:
// - the api's answer is read as soon as it comes, even if sending the request body failed (an api that
//   refuses a body answers and closes early; fetch then reports the broken upload, not the answer);
// - a stalled api is given up on after API_TIMEOUT_MS with a plain-words 504, and its connection is
//   destroyed rather than handed to the next request;
// - the client's X-Forwarded-* headers are replaced with what this server saw (see forwardedHeaders).
import http, { type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import { IMPORT_MAX_BYTES } from "@taskflow/contracts";
import { apiUrl, type ServerEnv, serverEnv } from "@/env";
import { PEER_HEADER, peerAddress } from "./peer-address";
import { problemResponse } from "./problem";

/**
 * The api's own body limit (Fastify's `bodyLimit` in apps/api/src/app.ts). A larger body is answered
 * here with the same 413 the api would give, before any of it travels on.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

// POST /api/import (and its /api/:user_id alias) takes a whole export file, as the api's route does.
const IMPORT_PATH = /^\/api\/(?:[^/]+\/)?import\/?$/;

/** The largest body the api takes at this method and path. */
export function bodyLimit(method: string, pathname: string): number {
  return method === "POST" && IMPORT_PATH.test(pathname) ? IMPORT_MAX_BYTES : MAX_BODY_BYTES;
}

// RFC 9110 §7.6.1 connection-specific headers, plus ones this hop sets itself.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  "expect",
]);

// Who the client is and how it came: set below from what this server saw. Whatever the client sent
// under these names is its own say-so and is dropped.
const FORWARDING = new Set([
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-prefix",
  "x-real-ip",
  PEER_HEADER,
]);

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS"]);

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

class UpstreamTimeout extends Error {
  constructor(readonly afterMs: number) {
    super(`the api did not answer within ${afterMs} ms`);
    this.name = "UpstreamTimeout";
  }
}

class ClientGone extends Error {
  constructor() {
    super("the browser went away");
    this.name = "ClientGone";
  }
}

type Failure = Error & { code?: string; reusedSocket?: boolean };

export type Deadlines = {
  /** Until the api's status line and headers arrive. */
  answerMs: number;
  /** Between two pieces of the body; null for event streams that may rightly stay quiet. */
  idleMs: (eventStream: boolean) => number | null;
};

/**
 * A chat turn may take the api's CHAT_TIMEOUT_MS: the JSON form answers only at the end of the turn,
 * the streamed form opens at once but may be quiet while a tool runs. Other event streams (live
 * updates) stay open as long as they like; everything else must keep answering within API_TIMEOUT_MS.
 */
export function deadlines(method: string, pathname: string, accept: string, env: ServerEnv): Deadlines {
  const chatTurn = method === "POST" && /^\/api\/(?:[^/]+\/)?chat\/?$/.test(pathname);
  const turnMs = env.chatTimeoutMs + env.apiTimeoutMs;
  const streamed = accept.includes("text/event-stream");
  return {
    answerMs: chatTurn && !streamed ? turnMs : env.apiTimeoutMs,
    idleMs: (eventStream) => (eventStream ? (chatTurn ? turnMs : null) : env.apiTimeoutMs),
  };
}

/** The request headers the api gets. */
export function forwardedHeaders(request: Request, bodyLength: number | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    if (!HOP_BY_HOP.has(name) && !FORWARDING.has(name)) out[name] = value;
  }
  // An uncompressed answer: it is streamed on as it comes, and the ingress compresses if it wants.
  out["accept-encoding"] = "identity";
  if (bodyLength !== undefined) out["content-length"] = String(bodyLength);
  // The api trusts exactly one hop, this one, and reads the client from our X-Forwarded-For: the
  // address that connected to us. Without a known peer (a request that arrived while the server was
  // starting) there is none, and the api counts the request against this server's own address.
  const peer = peerAddress(request.headers);
  if (peer) {
    out["x-forwarded-for"] = peer;
    out["x-real-ip"] = peer;
  }
  out["x-forwarded-host"] = request.headers.get("host") ?? new URL(request.url).host;
  // The standalone server only ever speaks plain HTTP; TLS, if any, ends in front of it.
  out["x-forwarded-proto"] = "http";
  return out;
}

/** How much of an oversized body is read and thrown away so the browser still gets to read the 413. */
const DISCARD_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

type Body = Buffer | "too-large" | "far-too-large";

/**
 * The whole request body; "too-large" past `limit` (as declared, or as counted for a chunked
 * body, which is then read to its end and dropped: a client still sending when its connection closes
 * is reset and may never see the answer); "far-too-large" for a chunked body that goes on past
 * DISCARD_LIMIT_BYTES, which is not worth reading further.
 */
async function readBody(request: Request, limit: number): Promise<Body> {
  // A declared size is known before any of the body is read; the server discards the unread rest.
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return "too-large";
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DISCARD_LIMIT_BYTES) {
      reader.releaseLock();
      return "far-too-large";
    }
    if (size <= limit) chunks.push(value);
  }
  return size > limit ? "too-large" : Buffer.concat(chunks);
}

function responseHeaders(upstream: IncomingMessage): Headers {
  const out = new Headers();
  const raw = upstream.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? "").toLowerCase();
    if (!HOP_BY_HOP.has(name)) out.append(name, raw[i + 1] ?? "");
  }
  if (isEventStream(upstream.headers)) {
    // Tell any nginx-style proxy in front of us not to buffer the chat stream either.
    out.set("x-accel-buffering", "no");
    out.set("cache-control", "no-cache, no-transform");
  }
  return out;
}

function isEventStream(headers: IncomingHttpHeaders): boolean {
  return (headers["content-type"] ?? "").startsWith("text/event-stream");
}

/**
 * The upstream body as a web stream that ends in an error if the api goes quiet for longer than
 * `idleMs` or breaks off, and that stops the upstream when the browser stops reading.
 */
function bodyStream(upstream: IncomingMessage, idleMs: number | null): ReadableStream<Uint8Array> {
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    if (idleMs === null) return;
    clearTimeout(idle);
    idle = setTimeout(() => upstream.destroy(new UpstreamTimeout(idleMs)), idleMs);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        arm();
        upstream.on("data", (chunk: Buffer) => {
          arm();
          try {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          } catch {
            return; // the browser stopped reading: cancel() is destroying the upstream
          }
          if ((controller.desiredSize ?? 1) <= 0) upstream.pause();
        });
        upstream.on("end", () => {
          clearTimeout(idle);
          try {
            controller.close();
          } catch {
            // already cancelled
          }
        });
        // The cause is reported by "close" below; without a listener an error would crash the server.
        upstream.on("error", () => {});
        upstream.on("close", () => {
          clearTimeout(idle);
          // Closed before its end: the api went away mid-answer, or the idle timer fired.
          if (!upstream.complete) controller.error(new Error("the api broke off its answer"));
        });
      },
      pull() {
        upstream.resume();
      },
      cancel() {
        clearTimeout(idle);
        upstream.destroy();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
}

/** The size of the pieces a request body is sent in (see sendBody). */
const BODY_PIECE_BYTES = 64 * 1024;

/**
 * Sends `body` in pieces, each after a turn of the event loop, so that an answer the api gives early is
 * read before the next piece is written. An api that answers before reading the body and closes resets
 * the connection; a write that meets the reset makes Node drop the socket, and with it an answer that had
 * already arrived but was not read yet (one large write is two write(2) calls back to back, with no
 * read between them). Between pieces, the poll phase reads what came in first.
 */
async function sendBody(upstream: ClientRequest, body: Buffer | undefined): Promise<void> {
  if (!body || body.length <= BODY_PIECE_BYTES) {
    upstream.end(body);
    return;
  }
  for (let offset = 0; offset < body.length; offset += BODY_PIECE_BYTES) {
    if (upstream.destroyed) return;
    const flushed = upstream.write(body.subarray(offset, offset + BODY_PIECE_BYTES));
    await new Promise<void>((resolve) => {
      // Two immediates: the second runs after the next poll phase, which reads what arrived meanwhile.
      const next = () => {
        upstream.off("drain", next).off("close", next);
        setImmediate(() => setImmediate(resolve));
      };
      if (flushed) next();
      else upstream.once("drain", next).once("close", next);
    });
  }
  if (!upstream.destroyed) upstream.end();
}

/** One request to the api; resolves with its answer as soon as the status line and headers arrive. */
function exchange(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  limits: Deadlines,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === "https:" ? https : http;
    const agent = target.protocol === "https:" ? agents["https:"] : agents["http:"];
    let answered = false;
    const upstream = client.request(target, { method, headers, agent }, (response) => {
      answered = true;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      const status = response.statusCode ?? 502;
      const bodyless = method === "HEAD" || status === 204 || status === 304;
      if (bodyless) response.resume();
      else signal.addEventListener("abort", () => response.destroy(), { once: true });
      resolve(
        new Response(bodyless ? null : bodyStream(response, limits.idleMs(isEventStream(response.headers))), {
          status,
          statusText: response.statusMessage,
          headers: responseHeaders(response),
        }),
      );
    });
    const timer = setTimeout(() => upstream.destroy(new UpstreamTimeout(limits.answerMs)), limits.answerMs);
    const onAbort = () => upstream.destroy(new ClientGone());
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    upstream.on("error", (error: Failure) => {
      // Once the api has answered, a failed upload (it closed early, say after refusing the body) no
      // longer matters: the answer is what the browser gets.
      if (answered) return;
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      error.reusedSocket = upstream.reusedSocket;
      reject(error);
    });
    void sendBody(upstream, body);
  });
}

/** Forwards `request` to the api at API_URL (read per request) and returns the api's answer. */
export async function forwardToApi(request: Request): Promise<Response> {
  const env = serverEnv();
  const incoming = new URL(request.url);
  const target = new URL(apiUrl(`${incoming.pathname}${incoming.search}`));
  const method = request.method;
  let body: Buffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const limit = bodyLimit(method, incoming.pathname);
    const read = await readBody(request, limit);
    if (read === "too-large" || read === "far-too-large") {
      const tooLarge = problemResponse(
        413,
        "Payload Too Large",
        `The request body is larger than the ${limit / (1024 * 1024)} MiB the server accepts.`,
      );
      // Part of that body is still unread: this connection cannot carry another request.
      if (read === "far-too-large") tooLarge.headers.set("connection", "close");
      return tooLarge;
    }
    body = read;
  }
  const limits = deadlines(method, incoming.pathname, request.headers.get("accept") ?? "", env);
  const headers = forwardedHeaders(request, body?.length);
  for (let attempt = 1; ; attempt++) {
    try {
      return await exchange(target, method, headers, body, limits, request.signal);
    } catch (caught) {
      const error = caught as Failure;
      if (error instanceof ClientGone || request.signal.aborted) return new Response(null, { status: 499 });
      // A kept-alive connection the api closed just as we reused it: the request never reached the
      // api, so a request that changes nothing is sent again, once, on a fresh connection.
      const stale = error.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");
      if (stale && attempt === 1 && IDEMPOTENT.has(method)) continue;
      // Operators get the cause in the log; the browser gets plain words, never an errno.
      console.warn(`api proxy: ${method} ${incoming.pathname} failed: ${error.code ?? error.message}`);
      if (error instanceof UpstreamTimeout)
        return problemResponse(
          504,
          "The server is not answering",
          "Taskflow's server is not answering right now. Try again in a moment.",
        );
      return problemResponse(
        502,
        "API unavailable",
        "Taskflow's server cannot be reached right now. Try again in a moment.",
      );
    }
  }
}
