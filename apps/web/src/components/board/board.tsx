"use client";

import type { Task } from "@taskflow/contracts";
import { describeDue } from "@/lib/dates";
import { useTimeZone } from "@/lib/use-me";
import { AddTaskForm } from "./add-task-form";
import { BoardNotice, useNotice } from "./board-notice";
import { FilterBar } from "./filter-bar";
import { TaskList } from "./task-list";
import { UndoToast } from "./undo-toast";
import { useFilters } from "./use-filters";
import { useTaskDeletes } from "./use-task-deletes";
import { useTaskList } from "./use-task-list";

/** The task list with its filters. `version` changes when someone else (the assistant) changed tasks. */
export function Board({ version }: { version: number }) {
  const timeZone = useTimeZone();
  const { filters, setFilters, search, setSearch, filtered, clearFilters } = useFilters();
  const [notice, setNotice] = useNotice();
  const list = useTaskList(filters, version, setNotice);
  const inTrash = filters.status === "deleted";
  const deletes = useTaskDeletes({ tasks: list.tasks, setTasks: list.setTasks, inTrash, onError: setNotice });

  // Counts only make sense when the whole list is loaded and unfiltered.
  const summary =
    list.load.kind !== "ready" || filtered || list.nextCursor ? null : summarize(list.tasks, timeZone);

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

      <AddTaskForm onAdded={list.added} />

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
        inTrash={inTrash}
        filtered={filtered}
        activeTag={filters.tag}
        hasMore={list.nextCursor !== null}
        loadingMore={list.loadingMore}
        onRetry={list.retry}
        onClear={clearFilters}
        onLoadMore={list.loadMore}
        onTagSelect={(tag) => setFilters({ ...filters, tag: filters.tag === tag ? "" : tag })}
        onToggle={list.toggle}
        onSaved={list.replace}
        onDelete={deletes.remove}
        onRestore={deletes.restore}
      />

      <UndoToast deleted={deletes.deleted} onUndo={deletes.restore} />
      <BoardNotice notice={notice} />
    </section>
  );
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
