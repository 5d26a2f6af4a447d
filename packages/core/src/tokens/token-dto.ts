import type { PersonalToken } from "@taskflow/contracts";
import type { PersonalTokenRow } from "@taskflow/db/schema";

/** A stored token as the wire shows it (never its secret or hash). */
export const toToken = (row: PersonalTokenRow): PersonalToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  created_at: row.createdAt.toISOString(),
  last_used_at: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  expires_at: row.expiresAt ? row.expiresAt.toISOString() : null,
});
