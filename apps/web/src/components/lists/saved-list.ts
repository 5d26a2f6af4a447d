// A list the api has just saved goes into the sidebar at once, where GET /api/lists will put it (by name
// whatever its case, then id), and one it has just deleted leaves it. Waiting for the reload instead
// showed the old name again under the focus a rename gives back, and a deleted list's confirm, for as
// long as the reload took (a second on a slow phone).
import type { List } from "@taskflow/contracts";

const byName = new Intl.Collator(undefined, { sensitivity: "base" });

/** The lists with `saved` in place of the list with its id (or added), in the api's order. */
export function withSavedList(lists: List[], saved: List): List[] {
  return [...withoutList(lists, saved.id), saved].sort(
    (a, b) => byName.compare(a.name, b.name) || a.id - b.id,
  );
}

/** The lists without the one with `id`. */
export function withoutList(lists: List[], id: number): List[] {
  return lists.filter((list) => list.id !== id);
}

/** Where the focus goes when the list with `id` is deleted: the next list, or the one before the last. */
export function neighbourOf(lists: List[], id: number): List | null {
  const at = lists.findIndex((list) => list.id === id);
  if (at < 0) return null;
  return lists[at + 1] ?? lists[at - 1] ?? null;
}
