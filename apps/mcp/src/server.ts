// The mcp process: validated env, database, listen on PORT, graceful drain on SIGTERM.
import { openDatabase } from "@taskflow/runtime/database";
import { startService } from "@taskflow/runtime/service";
import { buildMcpApp } from "./app";
import { parseMcpEnv } from "./env";

await startService({
  name: "mcp",
  parseEnv: () => parseMcpEnv(process.env),
  async build(env, logger) {
    const database = await openDatabase(env);
    const { app, readiness } = await buildMcpApp({
      database,
      tokenSecret: env.MCP_TOKEN_SECRET,
      callsPerMinute: env.MCP_RATE_LIMIT,
      oauth: { resource: env.MCP_PUBLIC_URL, issuer: new URL(env.BETTER_AUTH_URL).origin },
      logger,
    });
    return { servers: [{ app, readiness, port: env.PORT, host: env.HOST }], close: () => database.close() };
  },
});
