import type { Db } from "@taskflow/db/client";
import { conversations, messages } from "@taskflow/db/schema";
import { sql } from "drizzle-orm";
import { rowsOf } from "./rows-of";

/** A new conversation titled after its first message, stored with that (user's) message in one statement. */
export async function startConversation(
  db: Db,
  userId: string,
  firstMessage: string,
  clientTurnId?: string,
): Promise<number> {
  const title = firstMessage.length > 60 ? `${firstMessage.slice(0, 57)}…` : firstMessage;
  const result = await db.execute(sql`
    with started as (
      insert into ${conversations} (user_id, title) values (${userId}, ${title}) returning id
    ), first_message as (
      insert into ${messages} (conversation_id, role, content, client_turn_id)
      select id, 'user', ${firstMessage}::text, ${clientTurnId ?? null}::varchar from started
    )
    select id from started`);
  const id = Number(rowsOf(result)[0]?.id);
  if (!Number.isInteger(id)) throw new Error("insert returned no row");
  return id;
}
