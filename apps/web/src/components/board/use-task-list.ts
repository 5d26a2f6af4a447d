"use client";

import type { Task, TaskList } from "@taskflow/contracts";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "@/lib/api";
import type { Filters } from "./filters";

const PAGE_SIZE = 25;

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
  const [tasks, setTasks] = useState<Task[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [load, setLoad] = useState<LoadState>({ kind: "loading" });
  const [loadingMore, setLoadingMore] = useState(false);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const [reloadKey, setReloadKey] = useState(0);
  const [refreshing, setRefreshing] = useState(false);

  const rememberTags = useCallback((items: Task[]) => {
    setKnownTags((current) => {
      const all = new Set(current);
      for (const task of items) for (const tag of task.tags) all.add(tag);
      return all.size === current.length ? current : [...all].sort();
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version and reloadKey are refetch triggers.
  useEffect(() => {
    const controller = new AbortController();
    // Keep showing the current list while a refetch runs; the skeleton is only for the first load.
    setLoad((current) => (current.kind === "ready" ? current : { kind: "loading" }));
    setRefreshing(true);
    api<TaskList>(listUrl(filters), { signal: controller.signal })
      .then((page) => {
        setTasks(page.items);
        setRefreshing(false);
        setNextCursor(page.next_cursor);
        rememberTags(page.items);
        setLoad({ kind: "ready" });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setRefreshing(false);
        setLoad({ kind: "error", message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [filters, version, reloadKey, rememberTags]);

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api<TaskList>(listUrl(filters, nextCursor));
      setTasks((current) => {
        const seen = new Set(current.map((task) => task.id));
        return [...current, ...page.items.filter((task) => !seen.has(task.id))];
      });
      setNextCursor(page.next_cursor);
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

  const reload = () => setReloadKey((key) => key + 1);

  function retry() {
    setLoad({ kind: "loading" });
    reload();
  }

  function added(task: Task) {
    rememberTags([task]);
    reload();
  }

  return {
    tasks,
    setTasks,
    nextCursor,
    load,
    loadingMore,
    knownTags,
    refreshing,
    loadMore,
    replace,
    toggle,
    retry,
    added,
  };
}
