import { createDatabase, type Database } from "@taskflow/db/client";
import { withTimeout } from "./timeout";

/** The database settings every service reads (see databaseEnvShape). */
export interface DatabaseEnv {
  DATABASE_URL?: string | undefined;
  TASKFLOW_DATA_DIR: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_CONNECT_TIMEOUT_MS: number;
  DATABASE_QUERY_TIMEOUT_MS: number;
}

/** Opens PostgreSQL when DATABASE_URL is set, else the embedded PGlite in TASKFLOW_DATA_DIR. */
export function openDatabase(env: DatabaseEnv): Promise<Database> {
  return createDatabase({
    url: env.DATABASE_URL,
    dataDir: env.TASKFLOW_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
  });
}

/**
 * Pings on the database's own health connection (a busy pool is not an outage) and gives up after
 * `timeoutMs` whatever the driver does: PGlite's ping has no timeout of its own.
 */
export function pingDatabase(database: Database, timeoutMs: number): Promise<void> {
  return withTimeout(database.ping(timeoutMs), timeoutMs);
}

/**
 * Whether a query through the pool answers within `timeoutMs`: asked after a failure that may have been
 * the database's (a full or unreachable pool both count as unavailable). Never throws.
 */
export function databaseAnswers(database: Database, timeoutMs: number): Promise<boolean> {
  return withTimeout(database.execute("select 1"), timeoutMs).then(
    () => true,
    () => false,
  );
}
