// The mcp process: validated env, database, listen on PORT, graceful drain on SIGTERM.
import { createDatabase } from "@taskflow/db/client";
import { startService } from "@taskflow/runtime/service";
import { buildMcpApp } from "./app";
import { parseMcpEnv } from "./env";

await startService({
  name: "mcp",
  parseEnv: () => parseMcpEnv(process.env),
  async build(env, logger) {
    const database = await createDatabase({
      url: env.DATABASE_URL,
      dataDir: env.TASKFLOW_DATA_DIR,
      poolSize: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    });
    const { app, readiness } = await buildMcpApp({ database, tokenSecret: env.MCP_TOKEN_SECRET, logger });
    return { servers: [{ app, readiness, port: env.PORT, host: env.HOST }], close: () => database.close() };
  },
});
