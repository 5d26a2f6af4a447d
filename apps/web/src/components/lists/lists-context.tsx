"use client";

import type { Task } from "@taskflow/contracts";
import type { LiveEvent } from "@taskflow/contracts/events";
import { createContext, type ReactNode, useContext, useEffect, useRef } from "react";
import { listLabel } from "./list-words";
import { type BoardListener, type Lists, useLists } from "./use-lists";

const ListsContext = createContext<Lists | null>(null);

/** The lists for the sidebar, the board's rows and the task forms beneath it. */
export function ListsProvider({ children }: { children: ReactNode }) {
  return <ListsContext.Provider value={useLists()}>{children}</ListsContext.Provider>;
}

/** The lists, or null outside a ListsProvider (the task forms then offer no list field). */
export function useListsContext(): Lists | null {
  return useContext(ListsContext);
}

type BoardHooks = {
  /** Applies a changed task to the rows (as a live event would). */
  apply: (event: LiveEvent) => void;
  /** Loads the rows again. */
  retry: () => void;
  /** Counts the views again. */
  countChange: () => void;
};

/**
 * For the board: loads the lists and counts again whenever `refreshKey` changes (tasks changed here or
 * elsewhere), and hears of tasks the sidebar moved (one row) or a deleted list (all of them).
 */
export function useBoardLists(refreshKey: string, { apply, retry, countChange }: BoardHooks) {
  const listener: BoardListener = {
    moved: (task) => {
      apply({ event: "task.updated", data: { task } });
      countChange();
    },
    reload: () => {
      retry();
      countChange();
    },
  };
  const lists = useListsContext();
  const first = useRef(true);
  const refresh = lists?.refresh;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the trigger.
  useEffect(() => {
    if (first.current) first.current = false;
    else refresh?.();
  }, [refreshKey, refresh]);
  const latest = useRef(listener);
  latest.current = listener;
  const board = lists?.board;
  useEffect(() => {
    if (!board) return;
    board.current = { moved: (task) => latest.current.moved(task), reload: () => latest.current.reload() };
    return () => {
      board.current = null;
    };
  }, [board]);
  return lists;
}

/** The board's heading while it shows one list ("Health", "Inbox"); null for every list. */
export function useListHeading(): string | null {
  const lists = useListsContext();
  if (!lists || lists.shown === "") return null;
  return listLabel(lists.shown, lists.lists) ?? "List";
}

/** The name of the task's list, for its chip: only while the board shows more than one list. */
export function useTaskListName(task: Pick<Task, "list_id">): string | null {
  const lists = useListsContext();
  if (lists?.shown !== "" || task.list_id === null) return null;
  return listLabel(String(task.list_id), lists.lists);
}
