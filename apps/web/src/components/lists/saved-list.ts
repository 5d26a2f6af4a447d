// A list the api has just saved goes into the sidebar at once, where GET /api/lists will put it (by name
// whatever its case, then id). Waiting for that reload instead showed the old name again under the
// focus a rename gives back, for as long as the reload took (a second on a slow phone).
import type { List } from "@taskflow/contracts";

const byName = new Intl.Collator(undefined, { sensitivity: "base" });

/** The lists with `saved` in place of the list with its id (or added), in the api's order. */
export function withSavedList(lists: List[], saved: List): List[] {
  return [...lists.filter((list) => list.id !== saved.id), saved].sort(
    (a, b) => byName.compare(a.name, b.name) || a.id - b.id,
  );
}
