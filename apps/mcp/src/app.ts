// The MCP server as a Fastify instance (no listening here): Streamable HTTP at /mcp, stateless — a new
// transport per request and no session, so any replica answers any request. McpServer instances are
// pooled (see create-mcp-server.ts); the caller of each request travels in its authInfo.
import type { IncomingMessage } from "node:http";
import rateLimit from "@fastify/rate-limit";
import type { AuthInfo } from "@modelcontextprotocol/sdk/server/auth/types.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Database } from "@taskflow/db/client";
import { createServiceApp } from "@taskflow/runtime/service-app";
import type { FastifyReply, FastifyServerOptions } from "fastify";
import { createMcpServerPool } from "./create-mcp-server";
import { type McpOAuthOptions, mcpAuthentication, registerOAuthResource } from "./oauth-resource";
import { callerAuth } from "./tools/tool-context";

export interface BuildMcpOptions {
  database: Database;
  tokenSecret: string;
  /**
   * Calls per user per minute, across all of that user's tokens (unset: no limit). Counted per replica,
   * in memory: a guard against one client looping on the database, not an exact quota.
   */
  callsPerMinute?: number | undefined;
  /** OAuth: the public MCP URL and the authorization server; unset: the URL each request reached. */
  oauth?: McpOAuthOptions | undefined;
  logger?: FastifyServerOptions["logger"];
}

declare module "fastify" {
  interface FastifyRequest {
    mcpUserId?: string;
  }
}

function jsonRpcError(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });
}

export async function buildMcpApp(options: BuildMcpOptions) {
  const { database } = options;
  const { app, readiness } = createServiceApp({ name: "mcp", database, logger: options.logger });

  const servers = createMcpServerPool({ db: database.db });
  registerOAuthResource(app, options.oauth);
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => request.mcpUserId ?? `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(
          `Too many MCP calls: at most ${context.max} a minute per user. Try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} s.`,
        ),
        { statusCode: context.statusCode },
      ),
  });
  const perUser = options.callsPerMinute
    ? [app.rateLimit({ max: options.callsPerMinute, timeWindow: 60_000 })]
    : [];
  app.post(
    "/mcp",
    {
      // Who is calling first (the limit is per user, not per address), then the limit.
      preHandler: [
        mcpAuthentication({ db: database.db, tokenSecret: options.tokenSecret, oauth: options.oauth }),
        ...perUser,
      ],
    },
    async (request, reply) => {
      const userId = request.mcpUserId;
      if (!userId) throw new Error("the authentication hook did not run");
      const malformed = malformedToolCall(request.body);
      if (malformed) {
        // The SDK reports these as -32603 (internal error); they are the caller's: -32602 invalid params.
        return reply
          .code(200)
          .send({ jsonrpc: "2.0", id: malformed.id, error: { code: -32602, message: malformed.message } });
      }
      // A fresh transport per request (stateless); the server comes from the pool and learns the caller
      // from this request's authInfo only.
      const server = servers.acquire();
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      let complete = false;
      reply.raw.on("finish", () => {
        complete = true;
      });
      reply.raw.on("close", () => {
        // After an aborted response a handler may still be running: that server is dropped, not reused.
        server.close().then(
          () => complete && servers.release(server),
          () => {},
        );
      });
      await server.connect(transport);
      (request.raw as IncomingMessage & { auth?: AuthInfo }).auth = callerAuth(userId, request.log);
      reply.hijack();
      await transport.handleRequest(request.raw, reply.raw, request.body);
    },
  );

  // Stateless: there is no session stream to open or delete.
  for (const method of ["GET", "DELETE"] as const) {
    app.route({
      method,
      url: "/mcp",
      handler: (_request, reply) => {
        reply.header("allow", "POST");
        return jsonRpcError(reply, 405, "Method not allowed: this server is stateless, use POST /mcp");
      },
    });
  }
  return { app, readiness };
}

/** A single `tools/call` whose params are not `{name: string, arguments?: object}`, with its id. */
function malformedToolCall(body: unknown): { id: string | number | null; message: string } | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return undefined;
  const { method, params, id } = body as { method?: unknown; params?: unknown; id?: unknown };
  if (method !== "tools/call") return undefined;
  const replyId = typeof id === "string" || typeof id === "number" ? id : null;
  const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(params))
    return { id: replyId, message: "Invalid params: tools/call needs params {name, arguments}" };
  const { name, arguments: args } = params as { name?: unknown; arguments?: unknown };
  if (typeof name !== "string") return { id: replyId, message: "Invalid params: name must be a string" };
  if (args !== undefined && !isObject(args))
    return { id: replyId, message: "Invalid params: arguments must be an object" };
  return undefined;
}
