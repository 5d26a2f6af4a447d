import { type ConversationDetail, MESSAGE_PAGE_DEFAULT, MESSAGE_PAGE_MAX } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { messages } from "@taskflow/db/schema";
import { and, desc, eq, lt } from "drizzle-orm";
import { toConversation, toMessage } from "./conversation-dto";
import { findOwnedConversation } from "./find-owned-conversation";

export { MESSAGE_PAGE_DEFAULT, MESSAGE_PAGE_MAX };

/**
 * A conversation with one page of its messages: the newest `limit` before the message `before` (the
 * newest overall without it), oldest first within the page. `next_before` is the cursor of the page of
 * older messages, null when there are none, so a long conversation is never sent whole.
 */
export async function getConversation(
  db: Db,
  userId: string,
  conversationId: number,
  page: { before?: number | undefined; limit?: number | undefined } = {},
): Promise<ConversationDetail> {
  const row = await findOwnedConversation(db, userId, conversationId);
  const limit = Math.min(Math.max(page.limit ?? MESSAGE_PAGE_DEFAULT, 1), MESSAGE_PAGE_MAX);
  const rows = await db
    .select()
    .from(messages)
    .where(
      page.before === undefined
        ? eq(messages.conversationId, row.id)
        : and(eq(messages.conversationId, row.id), lt(messages.id, page.before)),
    )
    .orderBy(desc(messages.id))
    .limit(limit + 1);
  const hasOlder = rows.length > limit;
  const pageRows = rows.slice(0, limit).reverse();
  return {
    ...toConversation(row),
    messages: pageRows.map(toMessage),
    next_before: hasOlder ? (pageRows[0]?.id ?? null) : null,
  };
}
