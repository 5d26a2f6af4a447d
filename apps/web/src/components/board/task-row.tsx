"use client";

import type { Task } from "@taskflow/core/contracts";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { PencilIcon, TrashIcon } from "@/components/ui/icons";
import { ApiError, api, errorMessage } from "@/lib/api";
import { describeDue, relativeTime } from "@/lib/dates";
import { DueChip, PriorityChip, TagChip } from "./chips";
import {
  apiFieldErrors,
  type DraftErrors,
  DueField,
  draftBody,
  draftFromTask,
  FieldErrors,
  PriorityField,
  TagsField,
  type TaskDraft,
  validateDraft,
} from "./task-fields";

type Props = {
  task: Task;
  activeTag: string | undefined;
  onTagSelect: (tag: string) => void;
  onToggle: (task: Task) => void;
  onSaved: (task: Task) => void;
  onDelete: (task: Task) => void;
};

export function TaskRow({ task, activeTag, onTagSelect, onToggle, onSaved, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    // Give focus back to the edit button when the editor closes, so keyboard users keep their place.
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const overdue = task.due_at !== null && !task.completed && describeDue(task.due_at).overdue;

  if (editing) {
    return (
      <li data-testid="task-item" data-task-id={task.id} className="animate-rise">
        <TaskEditor
          task={task}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            onSaved(saved);
            setEditing(false);
          }}
        />
      </li>
    );
  }

  return (
    <li
      data-testid="task-item"
      data-task-id={task.id}
      data-completed={task.completed ? "true" : "false"}
      data-overdue={overdue ? "true" : "false"}
      className={`group relative flex items-start gap-3 rounded-xl border bg-white px-3 py-3 shadow-xs transition-colors sm:px-4 ${overdue ? "border-red-200 bg-red-50/40" : "border-slate-200 hover:border-slate-300"}`}
    >
      <input
        type="checkbox"
        data-testid="task-toggle"
        checked={task.completed}
        onChange={() => onToggle(task)}
        aria-label={task.completed ? `Mark “${task.title}” as not done` : `Mark “${task.title}” as done`}
        className="task-check mt-0.5 cursor-pointer"
      />
      <div className="min-w-0 flex-1">
        <p
          data-testid="task-title"
          className={`text-[0.95rem] leading-snug font-medium break-words ${task.completed ? "text-slate-400 line-through" : "text-slate-900"}`}
        >
          {task.title}
        </p>
        {task.description && (
          <p
            data-testid="task-description"
            className={`mt-0.5 line-clamp-2 text-sm break-words whitespace-pre-line ${task.completed ? "text-slate-400" : "text-slate-600"}`}
          >
            {task.description}
          </p>
        )}
        {(task.priority !== "none" || task.tags.length > 0 || task.due_at) && (
          <div className="mt-2 flex flex-wrap items-center gap-1.5">
            {task.due_at && <DueChip dueAt={task.due_at} completed={task.completed} />}
            {task.priority !== "none" && <PriorityChip priority={task.priority} />}
            {task.tags.map((tag) => (
              <TagChip key={tag} tag={tag} active={activeTag === tag} onSelect={onTagSelect} />
            ))}
          </div>
        )}
        <p className="sr-only">Created {relativeTime(task.created_at)}</p>
      </div>
      <div className="flex shrink-0 items-center gap-0.5 opacity-100 transition-opacity sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
        <button
          ref={editButton}
          type="button"
          onClick={() => setEditing(true)}
          className="btn btn-ghost p-2"
          aria-label={`Edit “${task.title}”`}
          data-testid="task-edit"
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          onClick={() => onDelete(task)}
          className="btn btn-ghost p-2 hover:bg-red-50 hover:text-red-700"
          aria-label={`Delete “${task.title}”`}
          data-testid="task-delete"
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}

function TaskEditor({
  task,
  onCancel,
  onSaved,
}: {
  task: Task;
  onCancel: () => void;
  onSaved: (task: Task) => void;
}) {
  const id = `edit-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const [draft, setDraft] = useState<TaskDraft>(() => draftFromTask(task));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
    titleRef.current?.select();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    setFormError(null);
    try {
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
      className="space-y-3 rounded-xl border border-brand-200 bg-white p-3 shadow-md ring-4 ring-brand-50 sm:p-4"
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
          maxLength={200}
          aria-invalid={errors.title ? true : undefined}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="mb-1 block text-xs font-medium text-slate-600">
          Notes
        </label>
        <textarea
          id={`${id}-description`}
          data-testid="edit-description"
          className="field min-h-16 resize-y"
          rows={2}
          value={draft.description}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey))
              event.currentTarget.form?.requestSubmit();
          }}
        />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-[9rem_1fr_10rem]">
        <PriorityField idPrefix="edit" draft={draft} errors={errors} onChange={setDraft} disabled={pending} />
        <div className="col-span-2 sm:col-span-1">
          <TagsField idPrefix="edit" draft={draft} errors={errors} onChange={setDraft} disabled={pending} />
        </div>
        <div className="col-start-2 row-start-1 sm:col-start-3">
          <DueField idPrefix="edit" draft={draft} errors={errors} onChange={setDraft} disabled={pending} />
        </div>
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
