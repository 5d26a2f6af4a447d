"use client";

import type { Task } from "@taskflow/contracts";
import { ErrorState } from "@/components/ui/error-state";
import { TaskListEmpty, TaskListSkeleton } from "./task-list-states";
import { TaskRow } from "./task-row";
import { TrashRow } from "./trash-row";
import type { Deleted } from "./undo-toast";
import type { LoadState } from "./use-task-list";

type Props = {
  load: LoadState;
  refreshing: boolean;
  tasks: Task[];
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
  const { load, refreshing, tasks, inTrash, filtered, activeTag, hasMore, loadingMore } = props;
  return (
    <div aria-busy={refreshing} data-testid="board-results" data-refreshing={refreshing ? "true" : "false"}>
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
      {load.kind === "ready" && tasks.length === 0 && (
        <TaskListEmpty inTrash={inTrash} filtered={filtered} onClear={props.onClear} />
      )}
      {load.kind === "ready" && tasks.length > 0 && (
        <>
          <ul className="space-y-2" data-testid="task-list" aria-label="Tasks">
            {tasks.map((task) =>
              inTrash ? (
                <TrashRow
                  key={task.id}
                  task={task}
                  onRestore={(t) => props.onRestore({ task: t, index: -1 })}
                />
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
  );
}
