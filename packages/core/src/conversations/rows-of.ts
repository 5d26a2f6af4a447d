/** Rows of `db.execute`, which node-postgres returns in a result object and PGlite as rows or a result. */
export const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);
