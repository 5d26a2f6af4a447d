// Which task row j/k and focus recovery go to, over the ids of the rows in the order they are shown.

/**
 * The row j (step 1) or k (step -1) goes to. From the focused row: one step, stopping at the ends.
 * From elsewhere on the page: the selected row if it is still shown, else the first.
 */
export function stepSelection(
  ids: readonly number[],
  focused: number | null,
  selected: number | null,
  step: 1 | -1,
): number | null {
  const at = focused === null ? -1 : ids.indexOf(focused);
  if (at === -1) return rovingRow(ids, selected);
  return ids[Math.min(Math.max(at + step, 0), ids.length - 1)] ?? null;
}

/** The row Tab reaches (roving tabindex): the selected one while it is shown, else the first. */
export function rovingRow(ids: readonly number[], selected: number | null): number | null {
  if (selected !== null && ids.includes(selected)) return selected;
  return ids[0] ?? null;
}

/**
 * Where focus goes when the row that held it left the list (deleted, filtered out): the row now in
 * its place (the next one), else the new last row; -1 when no row is left (the list's empty state).
 */
export function indexAfterRemoval(count: number, lostIndex: number): number {
  if (count === 0) return -1;
  return Math.min(Math.max(lostIndex, 0), count - 1);
}
