// Same-origin proxy: the browser talks to /api/* on the web server, which forwards to the api.
// Same origin means Better Auth's session cookie just works, with no CORS and no public API URL
// baked into the bundle. API_URL is read per request (rewrites would freeze it at build time).
import { apiUrl } from "@/env";
import { problemResponse } from "@/lib/server/problem";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// RFC 9110 §7.6.1 connection-specific headers, plus ones fetch computes itself.
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

function forwardedRequestHeaders(request: Request): Headers {
  const out = new Headers();
  for (const [name, value] of request.headers) {
    if (!HOP_BY_HOP.has(name)) out.set(name, value);
  }
  // Ask for an uncompressed body: fetch would decompress it anyway, and re-sending it with the
  // original content-encoding header would corrupt it.
  out.set("accept-encoding", "identity");
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  out.set("x-forwarded-host", host);
  out.set("x-forwarded-proto", request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", ""));
  const forwardedFor = request.headers.get("x-forwarded-for");
  if (forwardedFor) out.set("x-forwarded-for", forwardedFor);
  return out;
}

function responseHeaders(upstream: Response): Headers {
  const out = new Headers();
  for (const [name, value] of upstream.headers) {
    // set-cookie is copied one by one below; fetch has already decoded any content-encoding.
    if (HOP_BY_HOP.has(name) || name === "set-cookie" || name === "content-encoding") continue;
    out.set(name, value);
  }
  for (const cookie of upstream.headers.getSetCookie()) out.append("set-cookie", cookie);
  if ((upstream.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    // Tell any nginx-style proxy in front of us not to buffer the chat stream either.
    out.set("x-accel-buffering", "no");
    out.set("cache-control", "no-cache, no-transform");
  }
  return out;
}

async function proxy(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const target = apiUrl(`${incoming.pathname}${incoming.search}`);
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== null;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: forwardedRequestHeaders(request),
      body: hasBody ? request.body : undefined,
      // Streams the request body instead of buffering it (required by fetch for stream bodies).
      ...(hasBody ? { duplex: "half" } : {}),
      redirect: "manual",
      cache: "no-store",
      // A browser that goes away (closed tab, aborted chat) stops the upstream work too.
      signal: request.signal,
    } as RequestInit);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return problemResponse(502, "API unavailable", `The web server could not reach the API: ${cause}`);
  }
  const status = upstream.status;
  const bodyless = request.method === "HEAD" || status === 204 || status === 304;
  return new Response(bodyless ? null : upstream.body, {
    status,
    statusText: upstream.statusText,
    headers: responseHeaders(upstream),
  });
}

export const GET = proxy;
export const HEAD = proxy;
export const POST = proxy;
export const PUT = proxy;
export const PATCH = proxy;
export const DELETE = proxy;
export const OPTIONS = proxy;
