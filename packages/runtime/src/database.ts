import { createDatabase, type Database } from "@taskflow/db/client";

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
