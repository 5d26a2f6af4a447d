// The OAuth endpoints of Better Auth's oauth-provider, passed through as Better Auth answers them: an
// OAuth client reads `{error, error_description}` (RFC 6749 §5.2), not problem+json, and the token,
// revocation and introspection endpoints take application/x-www-form-urlencoded bodies, which the rest
// of the api refuses (a CORS-simple type). That parser lives only in this plugin's scope.
import { oauthProviderAuthServerMetadata } from "@better-auth/oauth-provider";
import { malformedTextMessage } from "@taskflow/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Auth, mcpResourceOf } from "./create-auth";

const FORM = "application/x-www-form-urlencoded";

function webHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  // Better Auth keys its rate limit on X-Forwarded-For: the address Fastify resolved, not the client's say.
  headers.set("x-forwarded-for", request.ip);
  return headers;
}

/**
 * RFC 7591 registration without `application_type` counts as a web client, which Better Auth holds to
 * https redirect URIs. The desktop MCP clients (Claude Desktop through mcp-remote, Claude Code, VS Code)
 * register loopback callbacks (http://127.0.0.1:PORT/…) without saying they are native apps: call them
 * what they are, so their sign-in works. Anything else is left as sent.
 */
export function withNativeDefault(body: unknown): unknown {
  if (!body || typeof body !== "object" || Array.isArray(body)) return body;
  const metadata = body as { application_type?: unknown; redirect_uris?: unknown };
  if (metadata.application_type !== undefined || !Array.isArray(metadata.redirect_uris)) return body;
  const loopback = metadata.redirect_uris.some((uri) => {
    try {
      const url = new URL(String(uri));
      return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
    } catch {
      return false;
    }
  });
  return loopback ? { ...metadata, application_type: "native" } : body;
}

/**
 * The first parameter (query, JSON or form body, at any depth) PostgreSQL could not store as sent (NUL,
 * a lone surrogate), as an RFC 6749 error description; Better Auth would fail its insert with a 500.
 */
export function malformedOAuthInput(query: unknown, body: unknown): string | undefined {
  const walk = (value: unknown, path: string): string | undefined => {
    if (typeof value === "string") {
      const message = malformedTextMessage(value);
      return message ? `${path || "body"} ${message}` : undefined;
    }
    if (!value || typeof value !== "object") return undefined;
    for (const [key, item] of Object.entries(value)) {
      const found = walk(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return undefined;
  };
  const form = typeof body === "string" ? Object.fromEntries(new URLSearchParams(body)) : body;
  return walk(query, "") ?? walk(form, "");
}

/** RFC 6749's temporarily_unavailable, for any failure on our side (usually the database). */
function unavailable(reply: FastifyReply) {
  return reply
    .code(503)
    .header("retry-after", "5")
    .header("cache-control", "no-store")
    .send({ error: "temporarily_unavailable", error_description: "Try again in a few seconds." });
}

export async function registerOAuthRoutes(app: FastifyInstance, auth: Auth, baseUrl: string) {
  const mcpResource = mcpResourceOf(auth);
  /**
   * MCP requires clients to send `resource` (RFC 8707); one that does not would get a token bound to
   * nothing, which the mcp refuses. This server has one resource, so that is the default (RFC 8707 §2
   * lets the authorization server pick one); the code and its tokens are then bound to it.
   */
  function withDefaultResource(path: string): string {
    if (!mcpResource || !path.startsWith("/api/auth/oauth2/authorize")) return path;
    const url = new URL(path, baseUrl);
    if (url.searchParams.has("resource") || url.searchParams.has("request_uri")) return path;
    url.searchParams.set("resource", mcpResource);
    return `${url.pathname}${url.search}`;
  }

  async function forward(request: FastifyRequest, path: string) {
    const sent = path.startsWith("/api/auth/oauth2/register")
      ? withNativeDefault(request.body)
      : request.body;
    const body =
      sent === undefined || request.method === "GET"
        ? undefined
        : typeof sent === "string"
          ? sent
          : JSON.stringify(sent);
    return auth.handler(
      new Request(new URL(path, baseUrl), { method: request.method, headers: webHeaders(request), body }),
    );
  }

  await app.register(async (scope) => {
    scope.addContentTypeParser(FORM, { parseAs: "string", bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.route({
      method: ["GET", "POST"],
      url: "/api/auth/oauth2/*",
      schema: { hide: true },
      async handler(request, reply) {
        const malformed = malformedOAuthInput(request.query, request.body);
        if (malformed) {
          return reply
            .code(400)
            .header("cache-control", "no-store")
            .send({ error: "invalid_request", error_description: malformed });
        }
        let response: Response;
        try {
          response = await forward(request, withDefaultResource(request.url));
        } catch (error) {
          request.log.error({ err: error }, "OAuth endpoint failed");
          return unavailable(reply);
        }
        if (response.status >= 500) {
          // Better Auth answers 500 for a database it cannot reach, too: tell the client to retry.
          request.log.error(
            { status: response.status, body: await response.text() },
            "OAuth endpoint failed",
          );
          return unavailable(reply);
        }
        reply.code(response.status);
        response.headers.forEach((value, key) => {
          if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length) reply.header("set-cookie", cookies);
        // Tokens and codes must not be cached by anything in between (RFC 6749 §5.1).
        reply.header("cache-control", "no-store");
        return reply.send(Buffer.from(await response.arrayBuffer()));
      },
    });
  });

  // RFC 8414 metadata at the root of the issuer (the public origin; the web forwards this path here).
  // Better Auth serves it only server-side (its basePath is not the issuer's root).
  const serverMetadata = oauthProviderAuthServerMetadata(auth, {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
  app.get("/.well-known/oauth-authorization-server", { schema: { hide: true } }, async (request, reply) => {
    const response = await serverMetadata(new Request(new URL(request.url, baseUrl)));
    reply.code(response.status);
    response.headers.forEach((value, key) => {
      if (key !== "content-length") reply.header(key, value);
    });
    return reply.send(Buffer.from(await response.arrayBuffer()));
  });
}
