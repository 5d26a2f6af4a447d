// Where the bench keeps its data: a fresh database on the PostgreSQL server named by DATABASE_URL
// (dropped afterwards), or, without DATABASE_URL, an embedded PGlite directory.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface BenchDatabase {
  kind: "postgres" | "pglite";
  /** postgres: the URL of this run's own database. */
  url?: string;
  /** pglite: the data directory. */
  dataDir?: string;
  /** What the report says about it. */
  label: string;
  version: string;
  dispose(): Promise<void>;
}

export async function openBenchDatabase(
  serverUrl: string | undefined,
  purpose: string,
): Promise<BenchDatabase> {
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), `taskflow-bench-${purpose}-`));
    const { PGlite } = await import("@electric-sql/pglite");
    const probe = await PGlite.create();
    const version = String((await probe.query<{ v: string }>("select version() as v")).rows[0]?.v ?? "?");
    await probe.close();
    return {
      kind: "pglite",
      dataDir,
      label: "PGlite (embedded, DATABASE_URL not set: api and mcp share one process)",
      version: `PGlite ${version.split(" ").slice(0, 2).join(" ")}`,
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    const version = String((await admin.query("show server_version")).rows[0]?.server_version ?? "?");
    const name = `taskflow_bench_${purpose}_${randomBytes(4).toString("hex")}`;
    try {
      await admin.query(`create database ${name}`);
    } catch (error) {
      // No CREATEDB right: use the given database as it is (the bench only adds its own users).
      return {
        kind: "postgres",
        url: serverUrl,
        label: `PostgreSQL ${version} (DATABASE_URL, shared database: ${(error as Error).message})`,
        version: `PostgreSQL ${version}`,
        dispose: async () => {},
      };
    }
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      kind: "postgres",
      url: url.toString(),
      label: `PostgreSQL ${version} (DATABASE_URL, a fresh database per run, dropped afterwards)`,
      version: `PostgreSQL ${version}`,
      async dispose() {
        const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
        await client.connect();
        try {
          await client.query(`drop database if exists ${name} with (force)`);
        } finally {
          await client.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}
