import { readFileSync } from "node:fs";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./client";
import { findMigrationsDir } from "./migrations-dir";

/** Arbitrary but fixed: every Taskflow migrator takes the same lock. */
const MIGRATION_LOCK_KEY = 7_271_001;

export interface MigrationStatus {
  applied: number;
  expected: number;
  current: boolean;
}

/** Applies pending migrations. Safe to run twice, and from several processes at once. */
export async function migrate(
  database: Database,
  migrationsFolder = findMigrationsDir(),
): Promise<MigrationStatus> {
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, async (db) => {
    // Each migrator is loaded only where it runs (services that never migrate never load either).
    if (database.kind === "pglite") {
      const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
      await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    } else {
      const { migrate: migratePg } = await import("drizzle-orm/node-postgres/migrator");
      await migratePg(db as unknown as NodePgDatabase, { migrationsFolder });
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
