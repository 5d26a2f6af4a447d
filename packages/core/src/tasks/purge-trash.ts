import type { Db } from "@taskflow/db/client";
import { tasks } from "@taskflow/db/schema";
import { sql } from "drizzle-orm";
import { TRASH_RETENTION_DAYS } from "./trash";

/** Deletes for good every task that has been in the trash longer than the retention. Returns how many. */
export async function purgeTrash(db: Db): Promise<number> {
  const rows = await db
    .delete(tasks)
    .where(
      sql`${tasks.deletedAt} is not null and ${tasks.deletedAt} <= now() - make_interval(days => ${sql.raw(String(TRASH_RETENTION_DAYS))})`,
    )
    .returning({ id: tasks.id });
  return rows.length;
}
