"use client";

import type { Task } from "@taskflow/contracts";
import type { LiveEvent } from "@taskflow/contracts/events";
import { useCallback, useEffect, useRef, useState } from "react";
import { BoardShortcuts } from "@/components/keyboard/board-shortcuts";
import { useUndoHistory } from "@/components/keyboard/use-undo-history";
import { describeDue } from "@/lib/dates";
import { useTimeZone } from "@/lib/use-me";
import { useTaskEvents } from "@/lib/use-task-events";
import { useBoardLists, useListHeading } from "../lists/lists-context";
import { AddTaskForm } from "./add-task-form";
import { BoardNotice, useNotice } from "./board-notice";
import { FilterBar } from "./filter-bar";
import { DEFAULT_FILTERS, VIEW_LABELS } from "./filters";
import { LiveStatusBar } from "./live-status";
import { ReminderToasts } from "./reminder-toasts";
import { TaskList } from "./task-list";
import { UndoToast } from "./undo-toast";
import { useFilters } from "./use-filters";
import { useReminders } from "./use-reminders";
import { useTaskDeletes } from "./use-task-deletes";
import { useTaskList } from "./use-task-list";
import { useViewCounts } from "./use-view-counts";
import { ViewTabs } from "./view-tabs";

const COUNTS_SETTLE_MS = 400;

/**
 * The task list with its views and filters, kept up to date from the live stream. `version` changes
 * when the assistant on this page changed tasks.
 */
export function Board({ version }: { version: number }) {
  const timeZone = useTimeZone();
  const { filters, setFilters, hrefFor, search, setSearch, filtered, clearFilters } = useFilters();
  const [notice, setNotice] = useNotice();
  const [info, setInfo] = useNotice();
  const list = useTaskList(filters, version, setNotice, setInfo);
  const inTrash = filters.view === "all" && filters.status === "deleted";
  const deletes = useTaskDeletes({ tasks: list.tasks, setTasks: list.setTasks, inTrash, onError: setNotice });
  const [changes, countChange] = useSettledCounter(COUNTS_SETTLE_MS);
  const counts = useViewCounts(filters, `${version}:${changes}`);
  const history = useUndoHistory({ ...list, ...deletes, changed: countChange });
  const listHeading = useListHeading();

  const openTask = useCallback(
    (task: Task) => {
      const row = document.querySelector<HTMLElement>(`[data-testid="task-item"][data-task-id="${task.id}"]`);
      if (row) {
        row.scrollIntoView({ block: "center", behavior: "smooth" });
        row.querySelector<HTMLElement>('[data-testid="task-edit"]')?.focus({ preventScroll: true });
      } else setFilters({ ...DEFAULT_FILTERS, q: task.title });
    },
    [setFilters],
  );
  const reminders = useReminders(openTask);
  const { apply, retry } = list;
  const { remind } = reminders;
  // The sidebar's counts follow the same changes; a task it moved or a list it deleted changes the rows.
  useBoardLists(`${version}:${changes}`, { apply, retry, countChange });
  const live = useTaskEvents(
    (event: LiveEvent) => {
      if (event.event === "reminder.due") remind(event.data.task);
      else {
        apply(event);
        countChange();
      }
    },
    () => {
      retry();
      countChange();
    },
  );

  const summary =
    filters.view !== "all" || list.load.kind !== "ready" || filtered || list.nextCursor
      ? null
      : summarize(list.tasks, timeZone);

  return (
    <section aria-labelledby="board-heading" className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-1">
        <div>
          <h1 id="board-heading" className="text-2xl font-semibold tracking-tight">
            {listHeading ?? (filters.view === "all" ? "Your tasks" : VIEW_LABELS[filters.view])}
          </h1>
          <p className="text-sm text-slate-500" data-testid="board-summary">
            {summary ?? VIEW_HINT[filters.view]}
          </p>
        </div>
        <LiveStatusBar
          status={live}
          permission={reminders.notifications.permission}
          onEnable={reminders.notifications.request}
        />
      </div>

      <AddTaskForm
        onAdded={(task) => {
          list.added(task);
          countChange();
        }}
      />

      <ViewTabs filters={filters} counts={counts} hrefFor={hrefFor} />

      <FilterBar
        filters={filters}
        onFilters={setFilters}
        search={search}
        onSearch={setSearch}
        knownTags={list.knownTags}
        filtered={filtered}
        onClear={clearFilters}
      />

      <TaskList
        load={list.load}
        refreshing={list.refreshing}
        tasks={list.tasks}
        view={filters.view}
        inTrash={inTrash}
        filtered={filtered}
        activeTag={filters.tag}
        hasMore={list.nextCursor !== null}
        loadingMore={list.loadingMore}
        onRetry={list.retry}
        onClear={clearFilters}
        onLoadMore={list.loadMore}
        onTagSelect={(tag) => setFilters({ ...filters, tag: filters.tag === tag ? "" : tag })}
        onToggle={(task) => void history.complete(task)}
        onSaved={(task) => {
          list.replace(task);
          countChange();
        }}
        onDelete={(task) => void history.remove(task)}
        onRestore={(item) => deletes.restore(item).then(countChange)}
      />

      <ReminderToasts
        reminders={reminders.reminders}
        onDone={(task) => {
          if (!task.completed) void list.toggle(task);
        }}
        onOpen={openTask}
        onDismiss={reminders.dismiss}
      />
      <UndoToast
        deleted={deletes.deleted}
        onUndo={(item) => void history.restore(item)}
        onHold={deletes.hold}
        onRelease={deletes.release}
      />
      <BoardShortcuts filters={filters} onFilters={setFilters} onUndo={() => void history.undo()} />
      <BoardNotice notice={notice} />
      <BoardNotice notice={info} tone="info" />
    </section>
  );
}

const VIEW_HINT = {
  all: "Add them here or just tell the assistant.",
  today: "Open tasks due today, and any that are overdue.",
  upcoming: "Open tasks due in the next 7 days, by day.",
} as const;

/** A counter that moves once a burst of `bump` calls has settled (live events come in bursts). */
function useSettledCounter(ms: number): [number, () => void] {
  const [count, setCount] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const bump = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCount((value) => value + 1), ms);
  }, [ms]);
  return [count, bump];
}

/** "3 open · 2 done · 1 overdue", or null for an empty list. */
function summarize(tasks: Task[], timeZone: string): string | null {
  if (tasks.length === 0) return null;
  const open = tasks.filter((task) => !task.completed);
  const late = open.filter(
    (task) => task.due_at !== null && describeDue(task.due_at, timeZone).overdue,
  ).length;
  const parts = [`${open.length} open`, `${tasks.length - open.length} done`];
  if (late > 0) parts.push(`${late} overdue`);
  return parts.join(" · ");
}
