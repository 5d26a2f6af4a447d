import type { Me } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { user } from "@taskflow/db/schema";
import { eq } from "drizzle-orm";
import { notFound } from "../errors";

export const profileColumns = { id: user.id, name: user.name, email: user.email, time_zone: user.timeZone };

/** The signed-in user's profile, with the time zone their dates are read and shown in. */
export async function getMe(db: Db, userId: string): Promise<Me> {
  const [row] = await db.select(profileColumns).from(user).where(eq(user.id, userId)).limit(1);
  if (!row) throw notFound("User");
  return row;
}

/** The zone a user's dates are read and shown in ("UTC" until they set one). */
export async function getTimeZone(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ timeZone: user.timeZone }).from(user).where(eq(user.id, userId)).limit(1);
  return row?.timeZone ?? "UTC";
}
