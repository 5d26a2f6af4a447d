"use client";

import type { Task } from "@taskflow/contracts";
import { useMemo } from "react";
import { TASKS_ID } from "@/components/keyboard/task-focus";
import { TaskSelection } from "@/components/keyboard/task-selection";
import { ErrorState } from "@/components/ui/error-state";
import { groupByDay, type View } from "@/lib/task-views";
import { useTimeZone } from "@/lib/use-me";
import { MissingList } from "../lists/missing-list";
import { OpenEditors } from "./open-editors";
import { TaskListEmpty, TaskListSkeleton } from "./task-list-states";
import { TaskRow } from "./task-row";
import { TrashRow } from "./trash-row";
import type { Deleted } from "./undo-toast";
import type { LoadState } from "./use-task-list";

type Props = {
  load: LoadState;
  refreshing: boolean;
  tasks: Task[];
  view: View;
  inTrash: boolean;
  filtered: boolean;
  activeTag: string;
  hasMore: boolean;
  loadingMore: boolean;
  onRetry: () => void;
  onClear: () => void;
  onLoadMore: () => void;
  onTagSelect: (tag: string) => void;
  onToggle: (task: Task) => void;
  onSaved: (task: Task) => void;
  onDelete: (task: Task) => void;
  onRestore: (item: Deleted) => Promise<void>;
};

/** The results: a skeleton, an error with retry, an empty state, or the rows and "Load more". */
export function TaskList(props: Props) {
  const { load, refreshing, tasks, view, inTrash, filtered, hasMore, loadingMore } = props;
  const timeZone = useTimeZone();
  const ids = useMemo(() => tasks.map((task) => task.id), [tasks]);
  return (
    <TaskSelection ids={ids}>
      <OpenEditors ids={ids}>
        <div
          id={TASKS_ID}
          tabIndex={-1}
          aria-busy={refreshing}
          data-testid="board-results"
          data-refreshing={refreshing ? "true" : "false"}
        >
          {load.kind === "loading" && <TaskListSkeleton />}
          {load.kind === "error" && (
            <ErrorState
              title="Couldn’t load your tasks"
              message={load.message}
              onRetry={props.onRetry}
              testId="board-error"
              retryTestId="board-retry"
            />
          )}
          {load.kind === "missing-list" && <MissingList />}
          {load.kind === "ready" && tasks.length === 0 && (
            <TaskListEmpty view={view} inTrash={inTrash} filtered={filtered} onClear={props.onClear} />
          )}
          {load.kind === "ready" && tasks.length > 0 && (
            <>
              {view === "upcoming" ? (
                <div className="space-y-5" data-testid="task-list">
                  {groupByDay(tasks, timeZone).map((group) => (
                    <section key={group.day} aria-labelledby={`day-${group.day}`} data-testid="day-group">
                      <h2
                        id={`day-${group.day}`}
                        data-testid="day-heading"
                        data-day={group.day}
                        className="mb-2 text-sm font-semibold text-slate-700"
                      >
                        {group.heading}
                      </h2>
                      <Rows {...props} tasks={group.tasks} label={group.heading} />
                    </section>
                  ))}
                </div>
              ) : (
                <Rows {...props} label="Tasks" testId="task-list" />
              )}
              {hasMore && (
                <div className="mt-4 flex justify-center">
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={props.onLoadMore}
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
      </OpenEditors>
    </TaskSelection>
  );
}

function Rows(props: Props & { label: string; testId?: string }) {
  const { tasks, inTrash, activeTag } = props;
  return (
    <ul className="space-y-2" data-testid={props.testId} aria-label={props.label}>
      {tasks.map((task) =>
        inTrash ? (
          <TrashRow key={task.id} task={task} onRestore={(t) => props.onRestore({ task: t, index: -1 })} />
        ) : (
          <TaskRow
            key={task.id}
            task={task}
            activeTag={activeTag || undefined}
            onTagSelect={props.onTagSelect}
            onToggle={props.onToggle}
            onSaved={props.onSaved}
            onDelete={props.onDelete}
          />
        ),
      )}
    </ul>
  );
}
