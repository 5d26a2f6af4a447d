// Migrations on a fresh database (PGlite and PostgreSQL), re-runs as no-ops, concurrent migrators
// serialised by the advisory lock (in one process and as two `migrate-cli` processes), and the CLI
// waiting for a database that comes up late.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createEmptyPostgresDatabase,
  dropPostgresDatabase,
  engines,
  testDatabaseUrl,
} from "@taskflow/testing/databases";
import { TcpProxy, viaProxy } from "@taskflow/testing/tcp-proxy";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
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

/**
 * A migrations folder with one migration that records, from inside the migration's own
 * transaction, whether it could release a session-level advisory lock on the migration key
 * (pg_advisory_unlock releases session locks only: false means the lock is transaction-scoped or
 * absent), whether a transaction is open, and the statement_timeout in force; then sleeps.
 */
function probeMigrations(sleepSeconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), "taskflow-probe-migrations-"));
  mkdirSync(join(dir, "meta"));
  writeFileSync(
    join(dir, "meta/_journal.json"),
    JSON.stringify({
      version: "7",
      dialect: "postgresql",
      entries: [{ idx: 0, version: "7", when: 1_700_000_000_000, tag: "0000_probe", breakpoints: true }],
    }),
  );
  writeFileSync(
    join(dir, "0000_probe.sql"),
    [
      "create table probe (released_session_lock boolean, in_transaction boolean, statement_timeout text, pid int)",
      `insert into probe select pg_advisory_unlock(${MIGRATION_LOCK_KEY}), now() <> statement_timestamp(), current_setting('statement_timeout'), pg_backend_pid()`,
      `select pg_sleep(${sleepSeconds})`,
    ].join(";\n--> statement-breakpoint\n"),
  );
  return dir;
}
const MIGRATION_LOCK_KEY = 7_271_001;

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

describe.each(engines)("the migration transaction on %s", (engine) => {
  it("holds a transaction-scoped lock (not a session lock) and no statement timeout", async () => {
    const fresh = await freshDatabase(engine);
    try {
      const folder = probeMigrations(0);
      await migrate(fresh.database, folder);
      const rows = await fresh.database.execute(
        "select released_session_lock, in_transaction, statement_timeout from probe",
      );
      expect(rows).toEqual([{ released_session_lock: false, in_transaction: true, statement_timeout: "0" }]);
      expect(await migrationStatus(fresh.database, folder)).toEqual({
        applied: 1,
        expected: 1,
        current: true,
      });
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

    // pg_locks is cluster-wide, and other test files migrate their own databases at the same time under
    // the same key: count only this test's database.
    const OUR_MIGRATION_LOCK = `l.locktype = 'advisory' and l.objid = $1
      and l.database = (select oid from pg_database where datname = current_database())`;

    it("a migration longer than the app's query and statement timeouts succeeds, holding the lock in its transaction", async () => {
      const url = await emptyDatabase();
      // The server's own default (a role or database setting, like a hosted provider's) is 300 ms…
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      cleanups.push(() => admin.end());
      await admin.query(`alter database "${url.pathname.slice(1)}" set statement_timeout = '300ms'`);
      // …and the database is opened the way the api opens it, with a 500 ms client-side limit.
      const [a, b] = await Promise.all(
        [1, 2].map(() =>
          createDatabase({ url: url.toString(), dataDir: "", poolSize: 1, queryTimeoutMs: 500 }),
        ),
      );
      if (!a || !b) throw new Error("no database");
      cleanups.push(async () => {
        await a.close();
        await b.close();
      });
      const folder = probeMigrations(3);
      const running = Promise.all([migrate(a, folder), migrate(b, folder)]);
      // Awaited below; should a check before that fail, the cleanup's dropped database must not turn the
      // still-running migrators into an unhandled rejection on top of the failure.
      running.catch(() => {});

      // While the first migrator sleeps inside its migration, another connection sees the lock held
      // by that very backend, and the second migrator waiting for it.
      let holder: Record<string, unknown> | undefined;
      const deadline = performance.now() + 10_000;
      while (!holder && performance.now() < deadline) {
        const { rows } = await admin.query(
          `select l.pid, l.granted, a.query, a.xact_start is not null as in_xact
             from pg_locks l join pg_stat_activity a using (pid)
            where ${OUR_MIGRATION_LOCK} and l.granted`,
          [MIGRATION_LOCK_KEY],
        );
        holder = rows.find((r) => String(r.query).includes("pg_sleep"));
        if (!holder) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(holder, "lock holder running the migration").toBeDefined();
      expect(holder?.in_xact).toBe(true);
      // The second migrator asks for the lock once it has connected and read its files: on a loaded
      // machine that can come a moment after the first holds it, so wait for it (the first holds 3 s).
      const waiting = async () =>
        (
          await admin.query(
            `select count(*)::int as n from pg_locks l where ${OUR_MIGRATION_LOCK} and not l.granted`,
            [MIGRATION_LOCK_KEY],
          )
        ).rows[0].n;
      await expect.poll(waiting, { timeout: 2_500, interval: 50 }).toBe(1);

      const statuses = await running;
      expect(statuses.every((s) => s.current)).toBe(true);
      const { rows: probe } = await admin.query("select pid from probe");
      expect(probe).toEqual([{ pid: holder?.pid }]);
      const { rows: after } = await admin.query(
        `select count(*)::int as n from pg_locks l where ${OUR_MIGRATION_LOCK}`,
        [MIGRATION_LOCK_KEY],
      );
      expect(after[0].n).toBe(0);
    });

    it("migrate-cli migrates through DATABASE_MIGRATION_URL when set, whatever DATABASE_URL says", async () => {
      const url = await emptyDatabase();
      // DATABASE_URL points at a port nothing listens on (think: a pooler that is down).
      const probe = net.createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      const dead = new URL(url.toString());
      dead.hostname = "127.0.0.1";
      dead.port = String((probe.address() as net.AddressInfo).port);
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      const run = migrateCli({
        DATABASE_URL: dead.toString(),
        DATABASE_MIGRATION_URL: url.toString(),
        DATABASE_QUERY_TIMEOUT_MS: "1000",
        MIGRATE_WAIT_MS: "0",
      });
      expect(await run.exited, run.output.join("")).toBe(0);
      expect(run.output.join("")).toContain(`migrations current: ${EXPECTED}/${EXPECTED}`);
      const check = await createDatabase({ url: url.toString(), dataDir: "", poolSize: 1 });
      try {
        expect(await appliedRows(check)).toBe(EXPECTED);
      } finally {
        await check.close();
      }
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
