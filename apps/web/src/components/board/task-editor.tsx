"use client";

import type { Task } from "@taskflow/contracts";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError, api, errorMessage } from "@/lib/api";
import { useMe } from "@/lib/use-me";
import {
  apiFieldErrors,
  type DraftErrors,
  draftBody,
  draftFromTask,
  sendsWallTime,
  type TaskDraft,
  validateDraft,
} from "./task-draft";
import { FieldErrors, TaskMetaFields } from "./task-fields";

/**
 * Inline edit of one task: Enter saves, Escape cancels. `typed` is what was typed before the row was
 * mounted again (see open-editors), and every change goes to `onType` so it survives that too.
 */
export function TaskEditor({
  task,
  typed,
  onType,
  onCancel,
  onSaved,
}: {
  task: Task;
  typed: TaskDraft | undefined;
  onType: (draft: TaskDraft) => void;
  onCancel: () => void;
  onSaved: (task: Task) => void;
}) {
  const id = `edit-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const { timeZone, zoneReady } = useMe();
  const [draft, setDraft] = useState<TaskDraft>(() => typed ?? draftFromTask(task, timeZone));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const change = (patch: Partial<TaskDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const firstShown = useRef(typed === undefined);

  useEffect(() => {
    onType(draft);
  }, [draft, onType]);

  useEffect(() => {
    // Opened: the title, selected to be typed over. Shown again after a move: the title, as it was typed.
    titleRef.current?.focus();
    if (firstShown.current) titleRef.current?.select();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    setFormError(null);
    try {
      if (sendsWallTime(draft)) await zoneReady;
      onSaved(await api<Task>(`/api/tasks/${task.id}`, { method: "PATCH", json: draftBody(draft) }));
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.fieldErrors.length > 0)
        setErrors(apiFieldErrors(error.fieldErrors));
      setFormError(errorMessage(error));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      noValidate
      data-testid="task-editor"
      aria-label={`Edit “${task.title}”`}
      className="space-y-3 rounded-xl border border-brand-200 bg-surface p-3 shadow-md ring-4 ring-brand-50 sm:p-4"
    >
      <div>
        <label htmlFor={`${id}-title`} className="mb-1 block text-xs font-medium text-slate-600">
          Title
        </label>
        <input
          ref={titleRef}
          id={`${id}-title`}
          data-testid="edit-title"
          className="field"
          value={draft.title}
          dir="auto"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          onChange={(event) => change({ title: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="mb-1 block text-xs font-medium text-slate-600">
          Notes
        </label>
        <textarea
          id={`${id}-description`}
          data-testid="edit-description"
          dir="auto"
          className="field min-h-16 resize-y"
          rows={2}
          value={draft.description}
          onChange={(event) => change({ description: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey))
              event.currentTarget.form?.requestSubmit();
          }}
        />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <TaskMetaFields idPrefix="edit" draft={draft} errors={errors} onChange={change} disabled={pending} />
      </div>
      <FieldErrors idPrefix={id} errors={errors} />
      {formError && Object.keys(errors).length === 0 && (
        <p role="alert" className="text-sm text-red-700">
          {formError}
        </p>
      )}
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto hidden text-xs text-slate-500 sm:inline">Enter to save · Esc to cancel</span>
        <button type="button" className="btn btn-secondary" onClick={onCancel} data-testid="edit-cancel">
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="edit-save">
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
