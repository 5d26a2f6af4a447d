import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The one database type the rest of the code sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseOptions {
  /** `postgres://…`; when absent, an embedded PGlite under `dataDir` is used. */
  url?: string | undefined;
  dataDir: string;
  poolSize?: number;
  connectTimeoutMs?: number;
  /** Client-side limit per query: a connection that went silent (no RST) fails instead of hanging. */
  queryTimeoutMs?: number;
}

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  /** Runs raw SQL; used by migrations, health checks and the advisory lock. */
  execute(sqlText: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Checks the database answers, on a connection of its own: a busy pool is not a database outage. */
  ping(timeoutMs: number): Promise<void>;
  /**
   * Runs `fn` inside one transaction that first takes the transaction-scoped advisory lock `key`
   * (`pg_advisory_xact_lock`): the lock, the reads and the writes share one transaction, so they
   * share one server connection even behind a transaction pooler (PgBouncer, Neon's `-pooler`),
   * and COMMIT or ROLLBACK releases the lock. On PostgreSQL it runs on a connection of its own,
   * without the pool's statement and query timeouts (`statement_timeout` is 0 for the
   * transaction): a long migration is bounded by whoever runs it, not by the app's limits.
   * Serialises migrators across processes.
   */
  withLockedTransaction<T>(key: number, fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Runs one SQL text (several statements allowed when there are no parameters). */
export type SqlRunner = (sqlText: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? createPostgres(options.url, options) : createPglite(options.dataDir);
}

function createPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    // Probe an idle connection after 10 s instead of the OS default of two hours.
    keepAliveInitialDelayMillis: 10_000,
    // A statement that runs away must not hold a request (or a replica's drain) forever…
    statement_timeout: 15_000,
    // …and neither may a network that drops packets silently: the client gives up on its own.
    query_timeout: options.queryTimeoutMs ?? 20_000,
  });
  // Without a listener, a server restart makes idle clients emit 'error' and crash the process.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const pinger = new PingConnection(url);
  return {
    db,
    kind: "postgres",
    async execute(sqlText, params) {
      const result = await pool.query(sqlText, params as unknown[] | undefined);
      return result.rows;
    },
    ping: (timeoutMs) => pinger.ping(timeoutMs),
    async withLockedTransaction(key, fn) {
      // No statement_timeout / query_timeout here, and no startup parameters a pooler could refuse.
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      });
      client.on("error", () => {}); // a dropped connection fails the pending query instead
      await client.connect();
      try {
        await client.query("begin");
        try {
          await client.query(
            "set local statement_timeout = 0; set local lock_timeout = 0; set local idle_in_transaction_session_timeout = 0",
          );
          await client.query(`select pg_advisory_xact_lock(${Math.trunc(key)})`);
          const result = await fn(async (sqlText, params) => (await client.query(sqlText, params)).rows);
          await client.query("commit");
          return result;
        } catch (error) {
          await client.query("rollback").catch(() => {});
          throw error;
        }
      } finally {
        await client.end().catch(() => {});
      }
    },
    close: async () => {
      await pinger.close();
      await pool.end();
    },
  };
}

/** One lazily opened connection for readiness checks, reopened after any failure. */
class PingConnection {
  private client: Promise<pg.Client> | undefined;
  constructor(private readonly url: string) {}

  async ping(timeoutMs: number): Promise<void> {
    this.client ??= this.open(timeoutMs);
    const client = this.client;
    try {
      await (await client).query("select 1");
    } catch (error) {
      if (this.client === client) this.client = undefined;
      void client.then((c) => c.end()).catch(() => {});
      throw error;
    }
  }

  private async open(timeoutMs: number): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      keepAlive: true,
    });
    client.on("error", () => {}); // a dropped connection fails the next ping, which reopens it
    await client.connect();
    return client;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.then((c) => c.end()).catch(() => {});
  }
}

async function createPglite(dataDir: string): Promise<Database> {
  const [{ PGlite }, { drizzle: drizzlePglite }] = await loadPglite();
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async execute(sqlText, params) {
      const result = await client.query<Record<string, unknown>>(sqlText, params);
      return result.rows;
    },
    ping: async () => {
      await client.query("select 1");
    },
    // PGlite is one connection inside this process; the lock is taken all the same, so the same
    // code runs on both engines.
    withLockedTransaction: (key, fn) =>
      client.transaction(async (tx) => {
        await tx.query(`select pg_advisory_xact_lock(${Math.trunc(key)})`);
        return fn(async (sqlText, params) =>
          params?.length
            ? (await tx.query<Record<string, unknown>>(sqlText, params)).rows
            : (((await tx.exec(sqlText)).at(-1)?.rows as Record<string, unknown>[] | undefined) ?? []),
        );
      }),
    close: () => client.close(),
  };
}

/** The message a build without PGlite (the container images) stops with when DATABASE_URL is unset. */
export const NO_EMBEDDED_DATABASE =
  "DATABASE_URL is not set, and this build has no embedded database (PGlite is not shipped in the container images): set DATABASE_URL to your PostgreSQL connection URL (postgres://USER:PASSWORD@HOST:5432/DATABASE)";

async function loadPglite() {
  // Loaded only in embedded mode: a service on PostgreSQL never pays PGlite's start-up time or memory.
  // The service bundles keep @electric-sql/pglite external (scripts/bundle.ts): `npm start` finds it
  // in node_modules, the images have no node_modules, and say so here instead of a bare module error.
  try {
    return await Promise.all([import("@electric-sql/pglite"), import("drizzle-orm/pglite")]);
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    if (code === "ERR_MODULE_NOT_FOUND" && message?.includes("@electric-sql/pglite"))
      throw new Error(NO_EMBEDDED_DATABASE, { cause: error });
    throw error;
  }
}
