import type { Db } from "@taskflow/db/client";

// Hot statements are built once and prepared by name, per database handle: drizzle then skips
// rebuilding the SQL on every call, and node-postgres prepares each name once per connection, so
// PostgreSQL parses and plans it once instead of on every request (PGlite ignores the name).
const caches = new WeakMap<Db, Map<string, unknown>>();
let counter = 0;

/**
 * The statement for `key`, built on first use. `key` must determine the SQL text completely (one
 * SQL text per name per connection); the generated name is unique within the process.
 */
export function prepared<T>(db: Db, key: string, build: (name: string) => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(key) as T | undefined;
  if (!statement) {
    statement = build(`tf${++counter}_${key.replace(/[^a-z0-9]+/gi, "_").slice(0, 48)}`);
    cache.set(key, statement);
  }
  return statement;
}
