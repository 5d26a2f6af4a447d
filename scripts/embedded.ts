// The embedded setup behind `npm start` without DATABASE_URL: PGlite allows one connection, so the api
// and the MCP server share one process and one database here (in Kubernetes each has its own pod).
import { buildApp } from "@taskflow/api/app";
import { parseApiEnv } from "@taskflow/api/env";
import { createDatabase } from "@taskflow/db/client";
import { migrate } from "@taskflow/db/migrate";
import { buildMcpApp } from "@taskflow/mcp/app";
import { parseMcpEnv } from "@taskflow/mcp/env";
import { startService } from "@taskflow/runtime/service";

const apiPort = process.env.API_PORT ?? "8000";
const mcpPort = process.env.MCP_PORT ?? "8080";

await startService({
  name: "taskflow",
  parseEnv: () => {
    const api = parseApiEnv({
      ...process.env,
      PORT: apiPort,
      MCP_URL: process.env.MCP_URL ?? `http://127.0.0.1:${mcpPort}/mcp`,
    });
    const mcp = parseMcpEnv({ ...process.env, PORT: mcpPort });
    return { ...api, mcp };
  },
  async build(env, logger) {
    const database = await createDatabase({ url: undefined, dataDir: env.TASKFLOW_DATA_DIR });
    await migrate(database);
    const api = await buildApp({ env, database, logger: { ...logger, base: { service: "api" } } });
    const mcp = await buildMcpApp({
      database,
      tokenSecret: env.mcp.MCP_TOKEN_SECRET,
      callsPerMinute: env.mcp.MCP_RATE_LIMIT,
      oauth: { resource: env.mcp.MCP_PUBLIC_URL, issuer: new URL(env.mcp.BETTER_AUTH_URL).origin },
      logger: { ...logger, base: { service: "mcp" } },
    });
    return {
      servers: [
        { ...api, port: env.PORT, host: env.HOST },
        { ...mcp, port: env.mcp.PORT, host: env.mcp.HOST },
      ],
      close: () => database.close(),
    };
  },
});
