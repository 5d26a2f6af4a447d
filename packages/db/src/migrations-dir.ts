import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The committed SQL migrations live in packages/db/migrations; bundled services carry a copy next to
 * their bundle (dist/migrations). Whichever exists is the one to use.
 */
export function findMigrationsDir(): string {
  const candidates = [new URL("./migrations", import.meta.url), new URL("../migrations", import.meta.url)];
  for (const candidate of candidates) {
    const dir = fileURLToPath(candidate);
    if (existsSync(`${dir}/meta/_journal.json`)) return dir;
  }
  throw new Error(
    `SQL migrations not found (looked in ${candidates.map((c) => fileURLToPath(c)).join(", ")})`,
  );
}
