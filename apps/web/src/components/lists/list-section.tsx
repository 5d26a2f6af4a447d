"use client";

import type { List } from "@taskflow/contracts";
import { useEffect, useRef, useState } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { PlusIcon } from "@/components/ui/icons";
import { ListNameForm } from "./list-name-form";
import { ListRow } from "./list-row";
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
        <ul className="space-y-0.5" data-testid="lists">
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
                await lists.remove(list.id);
                onDeleted(list);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
