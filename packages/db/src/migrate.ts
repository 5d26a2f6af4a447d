import { readFileSync } from "node:fs";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database } from "./client";
import { findMigrationsDir } from "./migrations-dir";

/** Arbitrary but fixed: every Taskflow migrator takes the same lock. */
const MIGRATION_LOCK_KEY = 7_271_001;

export interface MigrationStatus {
  applied: number;
  expected: number;
  current: boolean;
}

/**
 * Applies pending migrations. Safe to run twice, and from several processes at once: everything
 * (the lock, reading what is applied, the migrations, recording them) happens in one transaction
 * that holds a transaction-scoped advisory lock, so it also holds behind a transaction pooler, and
 * a failure leaves nothing half-applied. Drizzle's bookkeeping table and hashes
 * (drizzle.__drizzle_migrations) are kept, so databases migrated before stay compatible.
 */
export async function migrate(
  database: Database,
  migrationsFolder = findMigrationsDir(),
): Promise<MigrationStatus> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await database.withLockedTransaction(MIGRATION_LOCK_KEY, async (sql) => {
    await sql("create schema if not exists drizzle");
    await sql(
      "create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)",
    );
    const [last] = await sql(
      "select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
    );
    const lastApplied = last ? Number(last.created_at) : -1;
    for (const migration of migrations) {
      if (migration.folderMillis <= lastApplied) continue;
      for (const statement of migration.sql) if (statement.trim()) await sql(statement);
      await sql("insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)", [
        migration.hash,
        migration.folderMillis,
      ]);
    }
  });
  return migrationStatus(database, migrationsFolder);
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function expectedMigrations(migrationsFolder = findMigrationsDir()): Journal["entries"] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as Journal;
  return journal.entries;
}

/** Whether the database has every committed migration (what `/readyz` asks). */
export async function migrationStatus(
  database: Database,
  migrationsFolder = findMigrationsDir(),
): Promise<MigrationStatus> {
  const entries = expectedMigrations(migrationsFolder);
  const last = entries.at(-1)?.when ?? 0;
  const rows = await database
    .execute(
      "select count(*)::int as applied, coalesce(max(created_at), 0)::bigint as last from drizzle.__drizzle_migrations",
    )
    .catch((error: unknown) => {
      // 42P01 / 3F000: the migrations table or schema does not exist yet, i.e. nothing applied.
      const code = (error as { code?: string }).code;
      if (code === "42P01" || code === "3F000") return [{ applied: 0, last: 0 }];
      throw error;
    });
  const applied = Number(rows[0]?.applied ?? 0);
  const appliedLast = Number(rows[0]?.last ?? 0);
  return { applied, expected: entries.length, current: applied >= entries.length && appliedLast >= last };
}
