"use client";

import type { Task, TaskList } from "@taskflow/contracts";
import type { LiveEvent } from "@taskflow/contracts/events";
import { type Dispatch, type SetStateAction, useCallback, useState } from "react";
import { ApiError, api, errorMessage } from "@/lib/api";
import { describeDue, zoneDayKey } from "@/lib/dates";
import { effectiveStatus, inList, insertSorted, matchesQuery } from "@/lib/task-match";
import { longDay, viewBounds } from "@/lib/task-views";
import { useApiData } from "@/lib/use-api-data";
import { useTimeZone } from "@/lib/use-me";
import { listIsMissing } from "../lists/list-gone";
import type { Filters } from "./filters";

const PAGE_SIZE = 25;
const NO_TASKS: Task[] = [];

/** `missing-list`: the api does not know the list shown (404): nothing to retry. */
export type LoadState =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "error"; message: string }
  | { kind: "missing-list" };

/** GET /api/tasks for the filters in a view (Today and Upcoming: open tasks, soonest first). */
export function listUrl(filters: Filters, timeZone: string, cursor?: string, limit = PAGE_SIZE): string {
  const params = new URLSearchParams({
    status: effectiveStatus(filters),
    sort: filters.view === "all" ? filters.sort : "due",
    limit: String(limit),
    ...viewBounds(filters.view, timeZone),
  });
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.tag) params.set("tag", filters.tag);
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.list) params.set("list", filters.list);
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
  onInfo: (message: string) => void,
) {
  const timeZone = useTimeZone();
  const [loadingMore, setLoadingMore] = useState(false);
  const [knownTags, setKnownTags] = useState<string[]>([]);

  const rememberTags = useCallback((items: Task[]) => {
    setKnownTags((current) => {
      const all = new Set(current);
      for (const task of items) for (const tag of task.tags) all.add(tag);
      return all.size === current.length ? current : [...all].sort();
    });
  }, []);

  const url = listUrl(filters, timeZone);
  // The URL whose load the api refused with "no such list".
  const [missing, setMissing] = useState<string | null>(null);
  const list = useApiData<TaskList>(url, {
    refreshKey: version,
    load: (signal) =>
      api<TaskList>(url, { signal }).then(
        (page) => {
          rememberTags(page.items);
          return page;
        },
        (error: unknown) => {
          const status = error instanceof ApiError ? error.status : undefined;
          setMissing(listIsMissing(status, filters.list) ? url : null);
          throw error;
        },
      ),
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
        : missing === url
          ? { kind: "missing-list" }
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
      const page = await api<TaskList>(listUrl(filters, timeZone, nextCursor));
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

  /** A task changed here: updated where it stands, or gone when it moved out of the list shown. */
  function replace(task: Task) {
    setTasks((current) =>
      current.flatMap((item) => (item.id !== task.id ? [item] : inList(task, filters.list) ? [task] : [])),
    );
    rememberTags([task]);
  }

  async function toggle(task: Task) {
    // A recurring task comes back open with its next due: only the server's answer says which.
    const repeats = task.recurrence !== null && !task.completed;
    if (!repeats) replace({ ...task, completed: !task.completed });
    try {
      const saved = await api<Task>(`/api/tasks/${task.id}/complete`, { method: "PATCH" });
      replace(saved);
      if (repeats && !saved.completed && saved.due_at) onInfo(nextDueMessage(saved, timeZone));
    } catch (error) {
      replace(task);
      onError(`Could not update “${task.title}”: ${errorMessage(error)}`);
    }
  }

  /**
   * A change made elsewhere (another tab, the assistant, MCP): a task on screen is updated where it
   * stands; a new or changed one joins the list in its sorted place only if it matches the view.
   */
  const apply = useCallback(
    (event: LiveEvent) => {
      if (event.event === "reminder.due") return;
      const trash = effectiveStatus(filters) === "deleted";
      if (event.event === "task.deleted") {
        // The trash gains a task the event does not carry: load it again.
        if (trash) list.reload();
        else setTasks((items) => items.filter((item) => item.id !== event.data.id));
        return;
      }
      const { task } = event.data;
      rememberTags([task]);
      setData((page) => {
        if (!page) return page;
        // Restored elsewhere: it leaves the trash.
        if (trash && !task.deleted_at)
          return { ...page, items: page.items.filter((item) => item.id !== task.id) };
        // Moved to another list: it leaves the one shown.
        if (!inList(task, filters.list))
          return { ...page, items: page.items.filter((item) => item.id !== task.id) };
        if (page.items.some((item) => item.id === task.id))
          return { ...page, items: page.items.map((item) => (item.id === task.id ? task : item)) };
        if (!matchesQuery(task, filters, timeZone)) return page;
        const sort = filters.view === "all" ? filters.sort : "due";
        return { ...page, items: insertSorted(page.items, task, sort, page.next_cursor === null) };
      });
    },
    [filters, timeZone, setData, setTasks, rememberTags, list.reload],
  );

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
    apply,
  };
}

/** "Next: Saturday 7 December" (with the time for a timed task), said when a repeat moves on. */
export function nextDueMessage(task: Task, timeZone: string): string {
  const due = describeDue(task.due_at ?? "", timeZone);
  const day = longDay(due.key, due.key.slice(0, 4) !== zoneDayKey(new Date(), timeZone).slice(0, 4));
  return `“${task.title}” repeats. Next: ${day}${due.time ? `, ${clock(due.long)}` : ""}`;
}

const clock = (long: string) => long.slice(long.lastIndexOf(", ") + 2);
