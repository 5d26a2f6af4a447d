import type { Me } from "@taskflow/contracts";
import { isTimeZone } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { user } from "@taskflow/db/schema";
import { eq, sql } from "drizzle-orm";
import { invalid, notFound } from "../errors";
import { profileColumns } from "./get-me";

/** Sets the zone the user's dates are read and shown in (an IANA name this server knows). */
export async function setTimeZone(db: Db, userId: string, timeZone: string): Promise<Me> {
  if (!isTimeZone(timeZone)) throw invalid("time_zone", "must be an IANA time zone such as Europe/Paris");
  const [row] = await db
    .update(user)
    .set({ timeZone, updatedAt: sql`now()` as unknown as Date })
    .where(eq(user.id, userId))
    .returning(profileColumns);
  if (!row) throw notFound("User");
  return row;
}
