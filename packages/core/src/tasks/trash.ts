import { tasks } from "@taskflow/db/schema";
import { isNull, sql } from "drizzle-orm";

/** How long a deleted task stays restorable; older trash is purged. */
export const TRASH_RETENTION_DAYS = 30;

/** A task that is not in the trash: the only kind any list, count, read or change sees. */
export const notInTrash = isNull(tasks.deletedAt);

/** A task in the trash that is still restorable. */
export const inTrash = sql`${tasks.deletedAt} is not null and ${tasks.deletedAt} > now() - make_interval(days => ${sql.raw(String(TRASH_RETENTION_DAYS))})`;
