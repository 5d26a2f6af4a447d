"use client";

import type { List, ListList, Task } from "@taskflow/contracts";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "@/lib/api";
import { useApiData } from "@/lib/use-api-data";
import { filtersFromSearch } from "../board/filters";
import { withoutList, withSavedList } from "./saved-list";
import type { DraggedTask } from "./task-drag";
import { usePlaceCounts } from "./use-place-counts";

/** What the board is told when lists change its tasks: one task moved, or reload them all (a delete). */
export type BoardListener = { moved: (task: Task) => void; reload: () => void };

/**
 * The user's lists (GET /api/lists, with their open counts), the sidebar's other counts, the list and
 * view the URL shows, and the changes: create, rename, delete, and moving a task. Every change loads
 * the lists and counts again and tells the board (which also reloads them on task events, and this
 * does when the tab is shown again); a list created, renamed or deleted is shown so before that reload.
 */
export function useLists() {
  const query = useSearchParams().toString();
  const { list: shown, view } = useMemo(() => filtersFromSearch(new URLSearchParams(query)), [query]);
  const [refreshes, setRefreshes] = useState(0);
  const loaded = useApiData<ListList>("/api/lists", { refreshKey: refreshes });
  const counts = usePlaceCounts(refreshes);
  const refresh = useCallback(() => setRefreshes((count) => count + 1), []);
  const { setData } = loaded;
  // The lists as a change the api has just answered leaves them, before the reload says so too.
  const changeItems = useCallback(
    (change: (items: List[]) => List[]) =>
      setData((current) => current && { ...current, items: change(current.items) }),
    [setData],
  );
  // Deleted here: the sidebar says so itself, so the list going from the lists is not news to announce.
  const deletedHere = useRef(new Set<number>());
  const board = useRef<BoardListener | null>(null);
  // A list changed elsewhere with no task in it sends no live event: load them again when the tab is
  // looked at again (back from the tab that changed them).
  useEffect(() => {
    const shownAgain = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", shownAgain);
    return () => document.removeEventListener("visibilitychange", shownAgain);
  }, [refresh]);

  const create = useCallback(
    async (name: string) => {
      const list = await api<List>("/api/lists", { method: "POST", json: { name } });
      changeItems((items) => withSavedList(items, list));
      refresh();
      return list;
    },
    [changeItems, refresh],
  );

  const rename = useCallback(
    async (id: number, name: string) => {
      const list = await api<List>(`/api/lists/${id}`, { method: "PATCH", json: { name } });
      changeItems((items) => withSavedList(items, list));
      refresh();
      return list;
    },
    [changeItems, refresh],
  );

  const remove = useCallback(
    async (id: number) => {
      await api<void>(`/api/lists/${id}`, { method: "DELETE" });
      deletedHere.current.add(id);
      changeItems((items) => withoutList(items, id));
      refresh();
      board.current?.reload();
    },
    [changeItems, refresh],
  );

  /** Moves a task to a list (null: the Inbox); the board drops or updates its row at once. */
  const moveTask = useCallback(
    async (task: DraggedTask, listId: number | null) => {
      const saved = await api<Task>(`/api/tasks/${task.id}`, { method: "PATCH", json: { list_id: listId } });
      refresh();
      board.current?.moved(saved);
      return saved;
    },
    [refresh],
  );

  return {
    lists: loaded.data?.items ?? null,
    error: loaded.error,
    reload: loaded.reload,
    counts,
    shown,
    view,
    refresh,
    board,
    deletedHere: deletedHere.current,
    create,
    rename,
    remove,
    moveTask,
  };
}

export type Lists = ReturnType<typeof useLists>;
