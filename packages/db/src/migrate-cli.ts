// `npm run migrate` (source) and `node apps/api/dist/migrate.js` (images): apply migrations and exit.
// Retries while the database is still starting, so a Kubernetes Job can run before Postgres is ready.
// The migrations run without the app's query/statement timeouts (DATABASE_QUERY_TIMEOUT_MS is not
// read here): the Job's activeDeadlineSeconds bounds them.
import { createDatabase } from "./client";
import { isDatabaseUnavailable } from "./health";
import { migrate } from "./migrate";

// A direct (non-pooled) URL for migrations when the app's DATABASE_URL goes through a pooler; the
// migration lock is transaction-scoped, so DATABASE_URL through a transaction pooler works too.
const url = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL || undefined;
if (url && !/^postgres(ql)?:\/\//.test(url)) {
  const name = process.env.DATABASE_MIGRATION_URL ? "DATABASE_MIGRATION_URL" : "DATABASE_URL";
  process.stderr.write(`invalid environment: ${name} must be a postgres:// URL\n`);
  process.exit(1);
}
const dataDir = process.env.TASKFLOW_DATA_DIR || ".data";
const waitMs = Number(process.env.MIGRATE_WAIT_MS || 120_000);
const connectTimeoutMs = Number(process.env.DATABASE_CONNECT_TIMEOUT_MS || 3000);

const started = Date.now();
const log = (msg: string) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg })}\n`);

for (let attempt = 1; ; attempt++) {
  const database = await createDatabase({ url, dataDir, poolSize: 1, connectTimeoutMs });
  try {
    const status = await migrate(database);
    log(
      `migrations current: ${status.applied}/${status.expected} applied (${database.kind}) in ${Date.now() - started} ms`,
    );
    await database.close();
    process.exit(0);
  } catch (error) {
    await database.close().catch(() => {});
    if (isDatabaseUnavailable(error) && Date.now() - started < waitMs) {
      log(`database not reachable yet (attempt ${attempt}): ${(error as Error).message}; retrying in 2 s`);
      await new Promise((r) => setTimeout(r, 2000));
      continue;
    }
    log(`migration failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
