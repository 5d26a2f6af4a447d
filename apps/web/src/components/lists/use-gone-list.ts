"use client";

import type { List } from "@taskflow/contracts";
import { useEffect, useRef } from "react";
import { shownListGone } from "./list-gone";
import type { Lists } from "./use-lists";

/**
 * Calls `onGone` once when the lists load again without the list the board shows, which the lists
 * before had: deleted while on screen elsewhere (another tab, the assistant). A delete made here is
 * the sidebar's own to announce.
 */
export function useGoneList(lists: Lists | null, onGone: (list: List) => void) {
  const before = useRef<List[] | null>(null);
  const latest = useRef(onGone);
  latest.current = onGone;
  const now = lists?.lists ?? null;
  const shown = lists?.shown ?? "";
  const deletedHere = lists?.deletedHere;
  useEffect(() => {
    const gone = shownListGone(shown, before.current, now);
    if (now) before.current = now;
    if (gone && !deletedHere?.has(gone.id)) latest.current(gone);
  }, [now, shown, deletedHere]);
}
