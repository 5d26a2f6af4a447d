"use client";

import type { List } from "@taskflow/contracts";
import { useEffect, useRef, useState } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { PlusIcon } from "@/components/ui/icons";
import { ListNameForm } from "./list-name-form";
import { ListRow } from "./list-row";
import { neighbourOf } from "./saved-list";
import type { DraggedTask } from "./task-drag";
import type { Lists } from "./use-lists";

type Props = {
  lists: Lists;
  hrefFor: (list: List) => string;
  onNavigate: () => void;
  onDropTask: (task: DraggedTask, list: List) => void;
  onDeleted: (list: List) => void;
};

/** "Lists": the user's lists by name, and the inline form that makes a new one. */
export function ListSection({ lists, hrefFor, onNavigate, onDropTask, onDeleted }: Props) {
  const [creating, setCreating] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const wasCreating = useRef(false);
  const items = lists.lists;

  useEffect(() => {
    // The button is back once the form has closed: give it the focus the form had, so keyboard users
    // keep their place. After the commit, not on a timer: a slow render must not lose the focus.
    if (wasCreating.current && !creating) newButton.current?.focus();
    wasCreating.current = creating;
  }, [creating]);

  // A list deleted here takes its row and the focus in it away: give the focus to the next list's link
  // (the one before, for the last), or to "New list" when none is left, once the row has gone.
  const rows = useRef<HTMLUListElement>(null);
  const [focusAfterDelete, setFocusAfterDelete] = useState<number | "new" | null>(null);
  useEffect(() => {
    if (focusAfterDelete === null) return;
    const link =
      focusAfterDelete === "new"
        ? null
        : rows.current?.querySelector<HTMLElement>(`[data-list-id="${focusAfterDelete}"] a`);
    (link ?? newButton.current)?.focus();
    setFocusAfterDelete(null);
  }, [focusAfterDelete]);

  const stopCreating = () => setCreating(false);

  return (
    <section aria-labelledby="lists-heading" className="space-y-1">
      <div className="flex items-center justify-between px-2.5">
        <h2 id="lists-heading" className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
          Lists
        </h2>
        {!creating && (
          <button
            ref={newButton}
            type="button"
            className="btn btn-ghost -mr-1.5 px-1.5 py-1 text-xs"
            data-testid="create-list"
            onClick={() => setCreating(true)}
          >
            <PlusIcon width={14} height={14} />
            New list
          </button>
        )}
      </div>
      {creating && (
        <ListNameForm
          idPrefix="create-list"
          label="New list name"
          submitLabel="Add list"
          onSave={async (name) => {
            await lists.create(name);
            stopCreating();
          }}
          onCancel={stopCreating}
        />
      )}
      {lists.error && items === null && (
        <ErrorState
          variant="inline"
          message={lists.error}
          onRetry={lists.refresh}
          testId="lists-error"
          retryTestId="lists-retry"
        />
      )}
      {items === null && !lists.error && <p className="px-2.5 text-xs text-slate-500">Loading lists…</p>}
      {items?.length === 0 && !creating && (
        <p className="px-2.5 text-xs text-slate-500" data-testid="lists-empty">
          No lists yet. Make one to keep work, home or a project apart.
        </p>
      )}
      {items && items.length > 0 && (
        <ul ref={rows} className="space-y-0.5" data-testid="lists">
          {items.map((list) => (
            <ListRow
              key={list.id}
              list={list}
              href={hrefFor(list)}
              current={lists.shown === String(list.id)}
              onNavigate={onNavigate}
              onDropTask={(task) => onDropTask(task, list)}
              onRename={async (name) => {
                await lists.rename(list.id, name);
              }}
              onDelete={async () => {
                const next = neighbourOf(items, list.id);
                await lists.remove(list.id);
                setFocusAfterDelete(next?.id ?? "new");
                onDeleted(list);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
