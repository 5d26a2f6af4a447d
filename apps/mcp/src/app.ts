// The MCP server as a Fastify instance (no listening here): Streamable HTTP at /mcp, stateless — a new
// McpServer and transport per request, as the SDK advises, so any replica answers any request.
import { randomUUID } from "node:crypto";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Database } from "@taskflow/db/client";
import { registerHealth, type Readiness } from "@taskflow/runtime/health";
import { registerMetrics } from "@taskflow/runtime/metrics";
import { registerProblemHandlers } from "@taskflow/runtime/problem";
import Fastify, { type FastifyReply, type FastifyServerOptions } from "fastify";
import { authenticate } from "./authenticate";
import { createMcpServer } from "./create-mcp-server";

export interface BuildMcpOptions {
  database: Database;
  tokenSecret: string;
  logger?: FastifyServerOptions["logger"];
}

function jsonRpcError(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ jsonrpc: "2.0", error: { code: -32000, message }, id: null });
}

export async function buildMcpApp(options: BuildMcpOptions) {
  const { database } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    },
    return503OnClosing: false,
    forceCloseConnections: "idle",
  });
  const readiness: Readiness = { shuttingDown: false };
  registerProblemHandlers(app);
  registerMetrics(app, "mcp");
  registerHealth(app, database, readiness);

  app.post("/mcp", async (request, reply) => {
    const userId = await authenticate(database.db, options.tokenSecret, request.headers.authorization);
    if (!userId) {
      reply.header("www-authenticate", 'Bearer realm="taskflow-mcp"');
      return jsonRpcError(reply, 401, "Unauthorized: send Authorization: Bearer <personal token>");
    }
    const server = createMcpServer({ db: database.db, userId });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.raw.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });

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
