"use client";

import type { List } from "@taskflow/contracts";
import { useEffect, useRef, useState } from "react";
import { ListIcon, PencilIcon, TrashIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/api";
import { ListNameForm } from "./list-name-form";
import { deleteWarning } from "./list-words";
import { PlaceLink } from "./place-link";
import type { DraggedTask } from "./task-drag";

type Props = {
  list: List;
  href: string;
  current: boolean;
  onNavigate: () => void;
  onDropTask: (task: DraggedTask) => void;
  onRename: (name: string) => Promise<void>;
  onDelete: () => Promise<void>;
};

const ACTION =
  "btn btn-ghost shrink-0 p-1.5 opacity-100 sm:opacity-0 sm:group-hover:opacity-100 sm:group-focus-within:opacity-100";

/** A list in the sidebar: its link and count, a drop target, renamed inline, deleted after a confirm. */
export function ListRow({ list, href, current, onNavigate, onDropTask, onRename, onDelete }: Props) {
  const [mode, setMode] = useState<"view" | "rename" | "confirm">("view");
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const before = useRef(mode);

  useEffect(() => {
    // Back to the button that opened the form or the confirm when it closes, so keyboard users keep
    // their place; into the confirm (on its safe answer) when it opens.
    if (mode === "view" && before.current === "rename") renameButton.current?.focus();
    if (mode === "view" && before.current === "confirm") deleteButton.current?.focus();
    if (mode === "confirm") cancelButton.current?.focus();
    before.current = mode;
  }, [mode]);

  if (mode === "rename")
    return (
      <li data-testid="list-item" data-list-id={list.id}>
        <ListNameForm
          idPrefix="rename-list"
          label={`Rename “${list.name}”`}
          initial={list.name}
          submitLabel="Save"
          onSave={async (name) => {
            await onRename(name);
            setMode("view");
          }}
          onCancel={() => setMode("view")}
        />
      </li>
    );

  const warningId = `delete-list-${list.id}-warning`;
  return (
    <li data-testid="list-item" data-list-id={list.id}>
      <PlaceLink
        href={href}
        label={list.name}
        count={list.task_count}
        current={current}
        testId="list-link"
        icon={<ListIcon width={15} height={15} />}
        onNavigate={onNavigate}
        onDropTask={onDropTask}
        actions={
          <>
            <button
              ref={renameButton}
              type="button"
              className={ACTION}
              aria-label={`Rename “${list.name}”`}
              data-testid="list-rename"
              onClick={() => setMode("rename")}
            >
              <PencilIcon width={14} height={14} />
            </button>
            <button
              ref={deleteButton}
              type="button"
              className={`${ACTION} hover:text-red-700`}
              aria-label={`Delete “${list.name}”`}
              data-testid="list-delete"
              onClick={() => setMode("confirm")}
            >
              <TrashIcon width={14} height={14} />
            </button>
          </>
        }
      />
      {mode === "confirm" && (
        <div
          data-testid="list-delete-confirm"
          className="mt-1 space-y-2 rounded-lg border border-red-200 bg-red-50 p-2 text-xs text-red-800"
        >
          <p id={warningId}>{deleteWarning(list)}</p>
          {error && <p role="alert">{error}</p>}
          <div className="flex gap-1.5">
            <button
              type="button"
              className="btn btn-danger px-2.5 py-1 aria-disabled:cursor-progress aria-disabled:opacity-60"
              data-testid="list-delete-yes"
              aria-describedby={warningId}
              // Not disabled while deleting: a disabled button drops the focus, and a failure then left the
              // keyboard user nowhere. A second press while the first is on its way does nothing.
              aria-disabled={deleting || undefined}
              onClick={() => {
                if (deleting) return;
                setError(null);
                setDeleting(true);
                onDelete().catch((failure: unknown) => {
                  setError(errorMessage(failure));
                  setDeleting(false);
                });
              }}
            >
              Delete list
            </button>
            <button
              ref={cancelButton}
              type="button"
              className="btn btn-ghost px-2.5 py-1"
              data-testid="list-delete-no"
              aria-describedby={warningId}
              onClick={() => setMode("view")}
            >
              Keep it
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
