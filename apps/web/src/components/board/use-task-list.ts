"use client";

import type { Task, TaskList } from "@taskflow/contracts";
import { type Dispatch, type SetStateAction, useCallback, useState } from "react";
import { api, errorMessage } from "@/lib/api";
import { useApiData } from "@/lib/use-api-data";
import type { Filters } from "./filters";

const PAGE_SIZE = 25;
const NO_TASKS: Task[] = [];

export type LoadState = { kind: "loading" } | { kind: "ready" } | { kind: "error"; message: string };

function listUrl(filters: Filters, cursor?: string): string {
  const params = new URLSearchParams({
    status: filters.status,
    sort: filters.sort,
    limit: String(PAGE_SIZE),
  });
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (cursor) params.set("cursor", cursor);
  return `/api/tasks?${params}`;
}

/**
 * The tasks matching `filters`, a page at a time, and every tag seen so far (for the tag filter).
 * Refetches when the filters or `version` change; failures of later actions go to `onError`.
 */
export function useTaskList(
  filters: Filters,
  version: number,
  onError: Dispatch<SetStateAction<string | null>>,
) {
  const [loadingMore, setLoadingMore] = useState(false);
  const [knownTags, setKnownTags] = useState<string[]>([]);

  const rememberTags = useCallback((items: Task[]) => {
    setKnownTags((current) => {
      const all = new Set(current);
      for (const task of items) for (const tag of task.tags) all.add(tag);
      return all.size === current.length ? current : [...all].sort();
    });
  }, []);

  const url = listUrl(filters);
  const list = useApiData<TaskList>(url, {
    refreshKey: version,
    load: (signal) =>
      api<TaskList>(url, { signal }).then((page) => {
        rememberTags(page.items);
        return page;
      }),
  });
  const { data, setData } = list;
  const tasks = data?.items ?? NO_TASKS;
  const nextCursor = data?.next_cursor ?? null;
  // The current list stays on screen while a refetch runs; the skeleton is for the first load and for
  // loading again after a failure.
  const load: LoadState =
    list.error !== null
      ? list.loading
        ? { kind: "loading" }
        : { kind: "error", message: list.error }
      : data === null
        ? { kind: "loading" }
        : { kind: "ready" };

  const setTasks: Dispatch<SetStateAction<Task[]>> = useCallback(
    (update) =>
      setData((page) =>
        page ? { ...page, items: typeof update === "function" ? update(page.items) : update } : page,
      ),
    [setData],
  );

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api<TaskList>(listUrl(filters, nextCursor));
      setData((current) => {
        const items = current?.items ?? [];
        const seen = new Set(items.map((task) => task.id));
        return {
          items: [...items, ...page.items.filter((task) => !seen.has(task.id))],
          next_cursor: page.next_cursor,
        };
      });
      rememberTags(page.items);
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  function replace(task: Task) {
    setTasks((current) => current.map((item) => (item.id === task.id ? task : item)));
    rememberTags([task]);
  }

  async function toggle(task: Task) {
    replace({ ...task, completed: !task.completed });
    try {
      replace(await api<Task>(`/api/tasks/${task.id}/complete`, { method: "PATCH" }));
    } catch (error) {
      replace(task);
      onError(`Could not update “${task.title}”: ${errorMessage(error)}`);
    }
  }

  function added(task: Task) {
    rememberTags([task]);
    list.reload();
  }

  return {
    tasks,
    setTasks,
    nextCursor,
    load,
    loadingMore,
    knownTags,
    refreshing: list.loading,
    loadMore,
    replace,
    toggle,
    retry: list.reload,
    added,
  };
}
