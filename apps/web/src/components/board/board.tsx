"use client";

import type { Task, TaskList, TaskSort } from "@taskflow/core/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { AlertIcon, ListIcon, SearchIcon, XIcon } from "@/components/ui/icons";
import { api, errorMessage } from "@/lib/api";
import { describeDue } from "@/lib/dates";
import { PRIORITIES, PRIORITY_LABEL, type Priority } from "@/lib/priorities";
import { useTimeZone } from "@/lib/use-me";
import { AddTaskForm } from "./add-task-form";
import { TaskRow } from "./task-row";
import { TrashRow } from "./trash-row";
import { type Deleted, UndoToast } from "./undo-toast";

type Status = "all" | "pending" | "completed" | "deleted";
type Filters = { status: Status; priority: Priority | ""; tag: string; q: string; sort: TaskSort };

const PAGE_SIZE = 25;
const UNDO_MS = 8000;
const SEARCH_DEBOUNCE_MS = 300;
const DEFAULT_FILTERS: Filters = { status: "all", priority: "", tag: "", q: "", sort: "-created" };

const SORTS: { value: TaskSort; label: string }[] = [
  { value: "-created", label: "Newest first" },
  { value: "created", label: "Oldest first" },
  { value: "due", label: "Due soonest" },
  { value: "-due", label: "Due latest" },
  { value: "-priority", label: "Priority: high → low" },
  { value: "priority", label: "Priority: low → high" },
  { value: "title", label: "Title A → Z" },
  { value: "-title", label: "Title Z → A" },
];

const STATUSES: { value: Status; label: string }[] = [
  { value: "all", label: "All" },
  { value: "pending", label: "To do" },
  { value: "completed", label: "Done" },
  { value: "deleted", label: "Trash" },
];

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

type LoadState = { kind: "loading" } | { kind: "ready" } | { kind: "error"; message: string };

/** The task list with its filters. `version` changes when someone else (the assistant) changed tasks. */
export function Board({ version }: { version: number }) {
  const timeZone = useTimeZone();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [search, setSearch] = useState("");
  const [tasks, setTasks] = useState<Task[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [load, setLoad] = useState<LoadState>({ kind: "loading" });
  const [loadingMore, setLoadingMore] = useState(false);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const [deleted, setDeleted] = useState<Deleted[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const rememberTags = useCallback((items: Task[]) => {
    setKnownTags((current) => {
      const all = new Set(current);
      for (const task of items) for (const tag of task.tags) all.add(tag);
      return all.size === current.length ? current : [...all].sort();
    });
  }, []);

  // Debounce the search box into the filters.
  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((current) => (current.q === search ? current : { ...current, q: search })),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [search]);

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
      setNotice(errorMessage(error));
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
      setNotice(`Could not update “${task.title}”: ${errorMessage(error)}`);
    }
  }

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setDeleted((current) => current.filter((item) => item.task.id !== id));
  }, []);

  // Deleting moves the task to the trash on the server at once; the toast's Undo restores it.
  async function remove(task: Task) {
    const index = tasks.findIndex((item) => item.id === task.id);
    setTasks((current) => current.filter((item) => item.id !== task.id));
    try {
      await api(`/api/tasks/${task.id}`, { method: "DELETE" });
    } catch (error) {
      setTasks((current) => insertAt(current, task, index));
      setNotice(`Could not delete “${task.title}”: ${errorMessage(error)}`);
      return;
    }
    dismiss(task.id);
    setDeleted((current) => [...current, { task, index }]);
    timers.current.set(
      task.id,
      setTimeout(() => dismiss(task.id), UNDO_MS),
    );
  }

  async function restore(item: Deleted) {
    dismiss(item.task.id);
    try {
      const task = await api<Task>(`/api/tasks/${item.task.id}/restore`, { method: "POST" });
      if (filters.status === "deleted") setTasks((current) => current.filter((t) => t.id !== task.id));
      else setTasks((current) => insertAt(current, task, item.index));
    } catch (error) {
      setNotice(`Could not restore “${item.task.title}”: ${errorMessage(error)}`);
    }
  }

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const filtered =
    filters.status !== "all" || filters.priority !== "" || filters.tag !== "" || filters.q.trim() !== "";

  // Counts only make sense when the whole list is loaded and unfiltered.
  const summary = (() => {
    if (load.kind !== "ready" || filtered || nextCursor || tasks.length === 0) return null;
    const open = tasks.filter((task) => !task.completed);
    const late = open.filter(
      (task) => task.due_at !== null && describeDue(task.due_at, timeZone).overdue,
    ).length;
    const parts = [`${open.length} open`, `${tasks.length - open.length} done`];
    if (late > 0) parts.push(`${late} overdue`);
    return parts.join(" · ");
  })();

  function clearFilters() {
    setSearch("");
    setFilters((current) => ({ ...DEFAULT_FILTERS, sort: current.sort }));
  }

  return (
    <section aria-labelledby="board-heading" className="min-w-0 space-y-4">
      <div className="flex items-end justify-between gap-3">
        <div>
          <h1 id="board-heading" className="text-2xl font-semibold tracking-tight">
            Your tasks
          </h1>
          <p className="text-sm text-slate-500" data-testid="board-summary">
            {summary ?? "Add them here or just tell the assistant."}
          </p>
        </div>
      </div>

      <AddTaskForm
        onAdded={(task) => {
          rememberTags([task]);
          setReloadKey((key) => key + 1);
        }}
      />

      <search className="block space-y-3" aria-label="Filter tasks">
        <div className="relative">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-400" />
          <label htmlFor="task-search" className="sr-only">
            Search tasks
          </label>
          <input
            id="task-search"
            data-testid="search"
            type="search"
            className="field pl-9"
            placeholder="Search titles and notes"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center">
          <fieldset
            className="col-span-2 flex rounded-lg bg-slate-200/60 p-0.5 sm:inline-flex"
            data-testid="status-filter"
          >
            <legend className="sr-only">Status</legend>
            {STATUSES.map((status) => (
              <label
                key={status.value}
                className={`flex-1 cursor-pointer rounded-md px-3 py-1 text-center text-sm font-medium whitespace-nowrap sm:flex-none transition-colors has-focus-visible:outline-2 has-focus-visible:outline-brand-500 ${
                  filters.status === status.value
                    ? "bg-white text-slate-900 shadow-sm"
                    : "text-slate-600 hover:text-slate-900"
                }`}
              >
                <input
                  type="radio"
                  name="status"
                  value={status.value}
                  className="sr-only"
                  checked={filters.status === status.value}
                  onChange={() => setFilters({ ...filters, status: status.value })}
                  data-testid={`status-${status.value}`}
                />
                {status.label}
              </label>
            ))}
          </fieldset>
          <label className="sr-only" htmlFor="filter-priority">
            Priority
          </label>
          <select
            id="filter-priority"
            data-testid="filter-priority"
            className="field py-1.5 sm:w-auto"
            value={filters.priority}
            onChange={(event) => setFilters({ ...filters, priority: event.target.value as Priority | "" })}
          >
            <option value="">Any priority</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority === "none" ? "No priority" : `${PRIORITY_LABEL[priority]} priority`}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="filter-tag">
            Tag
          </label>
          <select
            id="filter-tag"
            data-testid="filter-tag"
            className="field py-1.5 sm:w-auto"
            value={filters.tag}
            onChange={(event) => setFilters({ ...filters, tag: event.target.value })}
          >
            <option value="">Any tag</option>
            {[...new Set([...knownTags, ...(filters.tag ? [filters.tag] : [])])].map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
          <label className="sr-only" htmlFor="sort">
            Sort
          </label>
          <select
            id="sort"
            data-testid="sort"
            className="field col-span-2 py-1.5 sm:ml-auto sm:w-auto"
            value={filters.sort}
            onChange={(event) => setFilters({ ...filters, sort: event.target.value as TaskSort })}
          >
            {SORTS.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {sort.label}
              </option>
            ))}
          </select>
          {filtered && (
            <button
              type="button"
              className="btn btn-ghost col-span-2 px-2 py-1.5 text-brand-700 sm:col-span-1"
              onClick={clearFilters}
              data-testid="clear-filters"
            >
              <XIcon width={15} height={15} />
              Clear
            </button>
          )}
        </div>
      </search>

      <div aria-busy={refreshing} data-testid="board-results" data-refreshing={refreshing ? "true" : "false"}>
        {load.kind === "loading" && <Skeleton />}
        {load.kind === "error" && (
          <div
            role="alert"
            className="card flex flex-col items-center gap-3 px-6 py-10 text-center"
            data-testid="board-error"
          >
            <span className="grid size-11 place-items-center rounded-full bg-red-50 text-red-600">
              <AlertIcon />
            </span>
            <div>
              <p className="font-medium">Couldn’t load your tasks</p>
              <p className="mt-1 text-sm text-slate-600">{load.message}</p>
            </div>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setLoad({ kind: "loading" });
                setReloadKey((key) => key + 1);
              }}
              data-testid="board-retry"
            >
              Try again
            </button>
          </div>
        )}
        {load.kind === "ready" && tasks.length === 0 && (
          <div
            className="card flex flex-col items-center gap-2 border-dashed px-6 py-12 text-center"
            data-testid="board-empty"
          >
            <span className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-600">
              <ListIcon width={22} height={22} />
            </span>
            {filters.status === "deleted" ? (
              <>
                <p className="font-medium">The trash is empty</p>
                <p className="max-w-xs text-sm text-slate-600">
                  Deleted tasks stay here for 30 days, then they are removed for good.
                </p>
              </>
            ) : filtered ? (
              <>
                <p className="font-medium">No tasks match these filters</p>
                <button type="button" className="btn btn-ghost text-brand-700" onClick={clearFilters}>
                  Clear filters
                </button>
              </>
            ) : (
              <>
                <p className="font-medium">Nothing on your list yet</p>
                <p className="max-w-xs text-sm text-slate-600">
                  Add your first task above, or ask the assistant: <q>add buy milk tomorrow #groceries</q>.
                </p>
              </>
            )}
          </div>
        )}
        {load.kind === "ready" && tasks.length > 0 && (
          <>
            <ul className="space-y-2" data-testid="task-list" aria-label="Tasks">
              {tasks.map((task) =>
                filters.status === "deleted" ? (
                  <TrashRow key={task.id} task={task} onRestore={(t) => restore({ task: t, index: -1 })} />
                ) : (
                  <TaskRow
                    key={task.id}
                    task={task}
                    activeTag={filters.tag || undefined}
                    onTagSelect={(tag) => setFilters({ ...filters, tag: filters.tag === tag ? "" : tag })}
                    onToggle={toggle}
                    onSaved={replace}
                    onDelete={remove}
                  />
                ),
              )}
            </ul>
            {nextCursor && (
              <div className="mt-4 flex justify-center">
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={loadMore}
                  disabled={loadingMore}
                  data-testid="load-more"
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              </div>
            )}
          </>
        )}
      </div>

      <UndoToast deleted={deleted} onUndo={restore} />
      {notice && (
        <div
          role="alert"
          className="fixed inset-x-3 bottom-20 z-50 mx-auto max-w-md rounded-xl bg-red-700 px-4 py-3 text-sm text-white shadow-lg sm:bottom-6"
          data-testid="board-notice"
        >
          {notice}
        </div>
      )}
    </section>
  );
}

function insertAt(list: Task[], task: Task, index: number): Task[] {
  if (list.some((item) => item.id === task.id)) return list;
  const copy = [...list];
  copy.splice(index < 0 ? copy.length : Math.min(index, copy.length), 0, task);
  return copy;
}

function Skeleton() {
  return (
    <ul className="space-y-2" data-testid="board-loading" aria-label="Loading tasks">
      {[0, 1, 2, 3].map((row) => (
        <li
          key={row}
          className="flex animate-shimmer items-start gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3.5"
        >
          <span className="size-5 rounded-full bg-slate-200" />
          <span className="flex-1 space-y-2">
            <span className="block h-3.5 rounded bg-slate-200" style={{ width: `${70 - row * 12}%` }} />
            <span className="block h-3 w-1/3 rounded bg-slate-100" />
          </span>
        </li>
      ))}
    </ul>
  );
}
