// When the list the board shows is not there: the api never knew it (another user's, or deleted before
// the page opened), or it was deleted elsewhere while shown (another tab, the assistant).
import type { List } from "@taskflow/contracts";
import { isListId } from "../board/filters";

/** The api's answer to GET /api/tasks?list=<id> says the list does not exist (404 for a list id). */
export function listIsMissing(status: number | undefined, shown: string): boolean {
  return status === 404 && isListId(shown);
}

/**
 * The list shown that the lists loaded before had and the lists loaded now do not: it was deleted
 * while on screen. Null when nothing was lost (or the lists are not loaded yet).
 */
export function shownListGone(shown: string, before: List[] | null, now: List[] | null): List | null {
  if (!isListId(shown) || !before || !now) return null;
  if (now.some((list) => String(list.id) === shown)) return null;
  return before.find((list) => String(list.id) === shown) ?? null;
}

/** What the sidebar announces when the list shown was deleted elsewhere (its tasks went to the Inbox). */
export function goneMessage(list: Pick<List, "name">): string {
  return `“${list.name}” was deleted; its tasks are in the Inbox`;
}

/** The list a new task starts in: the one shown, unless the loaded lists say it does not exist (the Inbox then). */
export function startingList(shown: string, lists: Pick<List, "id">[] | null): string {
  if (!lists || !isListId(shown)) return shown;
  return lists.some((list) => String(list.id) === shown) ? shown : "inbox";
}
