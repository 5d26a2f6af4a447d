// The api process: validates its environment, opens the database, listens, and drains on SIGTERM.
import { createDatabase } from "@taskflow/db/client";
import { migrate } from "@taskflow/db/migrate";
import { startService } from "@taskflow/runtime/service";
import { buildApp } from "./app";
import { parseApiEnv } from "./env";

await startService({
  name: "api",
  parseEnv: () => parseApiEnv(process.env),
  async build(env, logger) {
    const database = await createDatabase({
      url: env.DATABASE_URL,
      dataDir: env.TASKFLOW_DATA_DIR,
      poolSize: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    });
    // The embedded database belongs to this process alone, so it can migrate itself safely; a shared
    // PostgreSQL is migrated by its own job (`node apps/api/dist/migrate.js`) before traffic arrives.
    if (database.kind === "pglite") await migrate(database);
    const { app, readiness } = await buildApp({ env, database, logger });
    return { servers: [{ app, readiness, port: env.PORT, host: env.HOST }], close: () => database.close() };
  },
});
