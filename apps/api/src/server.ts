// The api process: validates its environment, opens the database, listens, and drains on SIGTERM.
import { migrate } from "@taskflow/db/migrate";
import { openDatabase } from "@taskflow/runtime/database";
import { startService } from "@taskflow/runtime/service";
import { buildApp } from "./app";
import { parseApiEnv } from "./env";

await startService({
  name: "api",
  parseEnv: () => parseApiEnv(process.env),
  async build(env, logger) {
    const database = await openDatabase(env);
    // The embedded database belongs to this process alone, so it can migrate itself safely; a shared
    // PostgreSQL is migrated by its own job (`node apps/api/dist/migrate.js`) before traffic arrives.
    if (database.kind === "pglite") await migrate(database);
    const { app, readiness } = await buildApp({ env, database, logger });
    return { servers: [{ app, readiness, port: env.PORT, host: env.HOST }], close: () => database.close() };
  },
});
