// Test databases: every suite that touches SQL runs against both engines the product supports,
// an in-memory PGlite and the real PostgreSQL at TEST_DATABASE_URL (a fresh database per suite).
import { randomBytes } from "node:crypto";
import { createDatabase, type Database } from "@taskflow/db/client";
import { migrate } from "@taskflow/db/migrate";
import pg from "pg";

export interface TestDatabase {
  engine: "pglite" | "postgres";
  database: Database;
  /** Set for PostgreSQL: the URL of this suite's own database. */
  url?: string;
  dispose(): Promise<void>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

/** The engines to run against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: ("pglite" | "postgres")[] = testDatabaseUrl ? ["pglite", "postgres"] : ["pglite"];

export async function createTestDatabase(engine: "pglite" | "postgres"): Promise<TestDatabase> {
  if (engine === "pglite") {
    const database = await createDatabase({ dataDir: "memory://" });
    await migrate(database);
    return { engine, database, dispose: () => database.close() };
  }
  const url = await createEmptyPostgresDatabase();
  const database = await createDatabase({ url: url.toString(), dataDir: "", poolSize: 5 });
  await migrate(database);
  return {
    engine,
    database,
    url: url.toString(),
    dispose: async () => {
      await database.close();
      await dropPostgresDatabase(url);
    },
  };
}

/** A new, empty database on the TEST_DATABASE_URL server. */
export async function createEmptyPostgresDatabase(): Promise<URL> {
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `taskflow_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return url;
}

export async function dropPostgresDatabase(url: URL): Promise<void> {
  if (!testDatabaseUrl) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${url.pathname.slice(1)} with (force)`);
  } finally {
    await admin.end();
  }
}
