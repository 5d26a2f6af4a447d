// Migrations on a fresh database (PGlite and PostgreSQL), re-runs as no-ops, concurrent migrators
// serialised by the advisory lock (in one process and as two `migrate-cli` processes), and the CLI
// waiting for a database that comes up late.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import {
  createEmptyPostgresDatabase,
  dropPostgresDatabase,
  engines,
  testDatabaseUrl,
} from "../../../tests/support/databases";
import { TcpProxy, viaProxy } from "../../../tests/support/tcp-proxy";
import { createDatabase, type Database } from "./client";
import { expectedMigrations, migrate, migrationStatus } from "./migrate";
import { findMigrationsDir } from "./migrations-dir";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const EXPECTED = expectedMigrations().length;
const CORE_TABLES = [
  "account",
  "conversations",
  "messages",
  "personal_tokens",
  "session",
  "tasks",
  "user",
  "verification",
];

async function freshDatabase(
  engine: "pglite" | "postgres",
): Promise<{ database: Database; url?: URL; dispose(): Promise<void> }> {
  if (engine === "pglite") {
    const database = await createDatabase({ dataDir: "memory://" });
    return { database, dispose: () => database.close() };
  }
  const url = await createEmptyPostgresDatabase();
  const database = await createDatabase({ url: url.toString(), dataDir: "", poolSize: 2 });
  return {
    database,
    url,
    dispose: async () => {
      await database.close();
      await dropPostgresDatabase(url);
    },
  };
}

async function publicTables(database: Database): Promise<string[]> {
  const rows = await database.execute(
    "select table_name from information_schema.tables where table_schema = 'public' order by 1",
  );
  return rows.map((r) => String(r.table_name));
}

async function appliedRows(database: Database): Promise<number> {
  const [row] = await database.execute("select count(*)::int as n from drizzle.__drizzle_migrations");
  return Number(row?.n);
}

describe("committed migrations", () => {
  it("have an SQL file for every journal entry", () => {
    const dir = findMigrationsDir();
    expect(EXPECTED).toBeGreaterThan(0);
    for (const entry of expectedMigrations())
      expect(existsSync(`${dir}/${entry.tag}.sql`), entry.tag).toBe(true);
  });
});

describe.each(engines)("migrate on %s", (engine) => {
  it("reports everything pending on an empty database, then applies the schema", async () => {
    const fresh = await freshDatabase(engine);
    try {
      expect(await migrationStatus(fresh.database)).toEqual({
        applied: 0,
        expected: EXPECTED,
        current: false,
      });
      expect(await publicTables(fresh.database)).toEqual([]);

      const status = await migrate(fresh.database);
      expect(status).toEqual({ applied: EXPECTED, expected: EXPECTED, current: true });
      expect(await publicTables(fresh.database)).toEqual(expect.arrayContaining(CORE_TABLES));
      const [priority] = await fresh.database.execute(
        "select enum_range(null::task_priority)::text as values",
      );
      expect(priority?.values).toBe("{none,low,medium,high}");
      const indexes = await fresh.database.execute(
        "select indexname from pg_indexes where tablename = 'tasks'",
      );
      expect(indexes.map((r) => r.indexname)).toEqual(
        expect.arrayContaining(["tasks_user_id_id_idx", "tasks_user_id_completed_idx"]),
      );
    } finally {
      await fresh.dispose();
    }
  });

  it("is a no-op when run again, keeping the data", async () => {
    const fresh = await freshDatabase(engine);
    try {
      await migrate(fresh.database);
      await fresh.database.execute(
        `insert into "user" (id, name, email) values ('u1', 'U', 'u1@example.com')`,
      );
      await fresh.database.execute(`insert into tasks (user_id, title) values ('u1', 'kept')`);
      const tablesBefore = await publicTables(fresh.database);

      const again = await migrate(fresh.database);
      expect(again).toEqual({ applied: EXPECTED, expected: EXPECTED, current: true });
      expect(await appliedRows(fresh.database)).toBe(EXPECTED);
      expect(await publicTables(fresh.database)).toEqual(tablesBefore);
      const rows = await fresh.database.execute("select title from tasks");
      expect(rows).toEqual([{ title: "kept" }]);
    } finally {
      await fresh.dispose();
    }
  });
});

describe.skipIf(!testDatabaseUrl)(
  "concurrent migrators on PostgreSQL (skipped without TEST_DATABASE_URL)",
  () => {
    const children: ChildProcess[] = [];
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const child of children.splice(0))
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    function migrateCli(env: Record<string, string>) {
      const child = spawn(process.execPath, ["--import", "tsx", "packages/db/src/migrate-cli.ts"], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      const output: string[] = [];
      child.stdout?.on("data", (chunk) => output.push(String(chunk)));
      child.stderr?.on("data", (chunk) => output.push(String(chunk)));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      return { output, exited };
    }

    async function emptyDatabase() {
      const url = await createEmptyPostgresDatabase();
      cleanups.push(() => dropPostgresDatabase(url));
      return url;
    }

    it("two migrators in one process, on two pools, both succeed and apply the schema once", async () => {
      const url = await emptyDatabase();
      const [a, b] = await Promise.all(
        [1, 2].map(() => createDatabase({ url: url.toString(), dataDir: "", poolSize: 1 })),
      );
      if (!a || !b) throw new Error("no database");
      cleanups.push(async () => {
        await a.close();
        await b.close();
      });
      const [sa, sb] = await Promise.all([migrate(a), migrate(b)]);
      expect(sa.current && sb.current).toBe(true);
      expect(await appliedRows(a)).toBe(EXPECTED);
    });

    it("two migrate-cli processes released at the same instant both exit 0, and the schema is applied once", async () => {
      const url = await emptyDatabase();
      const target = new URL(testDatabaseUrl ?? "");
      // Both processes' first bytes are held at the proxy, then released together, so they really race.
      const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
      cleanups.push(() => proxy.close());
      proxy.pause();
      const env = {
        DATABASE_URL: viaProxy(url.toString(), proxy),
        DATABASE_CONNECT_TIMEOUT_MS: "20000",
        MIGRATE_WAIT_MS: "20000",
      };
      const runs = [migrateCli(env), migrateCli(env)];
      const deadline = performance.now() + 20_000;
      while (proxy.accepted < 2 && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(proxy.accepted).toBe(2);
      proxy.resume();

      const codes = await Promise.all(runs.map((run) => run.exited));
      expect(codes, runs.map((r) => r.output.join("")).join("\n")).toEqual([0, 0]);
      for (const run of runs)
        expect(run.output.join("")).toContain(`migrations current: ${EXPECTED}/${EXPECTED}`);

      const check = await createDatabase({ url: url.toString(), dataDir: "", poolSize: 1 });
      try {
        expect(await appliedRows(check)).toBe(EXPECTED);
        expect(await migrationStatus(check)).toEqual({
          applied: EXPECTED,
          expected: EXPECTED,
          current: true,
        });
        expect(await publicTables(check)).toEqual(expect.arrayContaining(CORE_TABLES));
      } finally {
        await check.close();
      }
    });

    it("migrate-cli waits for a database that comes up late, and gives up with exit 1 when told not to wait", async () => {
      const url = await emptyDatabase();
      const target = new URL(testDatabaseUrl ?? "");
      const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      // Reserve a port, and leave nothing listening on it yet.
      const probe = net.createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      proxy.port = (probe.address() as net.AddressInfo).port;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      cleanups.push(() => proxy.close());
      const databaseUrl = viaProxy(url.toString(), proxy);

      const impatient = migrateCli({ DATABASE_URL: databaseUrl, MIGRATE_WAIT_MS: "0" });
      const late = migrateCli({ DATABASE_URL: databaseUrl, MIGRATE_WAIT_MS: "30000" });
      expect(await impatient.exited).toBe(1);
      expect(impatient.output.join("")).toMatch(/migration failed/);

      const deadline = performance.now() + 20_000;
      while (!late.output.join("").includes("not reachable yet") && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(late.output.join("")).toContain("not reachable yet");
      await proxy.start();
      expect(await late.exited).toBe(0);
      expect(late.output.join("")).toContain(`migrations current: ${EXPECTED}/${EXPECTED}`);
    });
  },
);
