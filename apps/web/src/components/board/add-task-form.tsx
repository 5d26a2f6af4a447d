"use client";

import type { Task } from "@taskflow/core/contracts";
import { type FormEvent, useRef, useState } from "react";
import { PlusIcon } from "@/components/ui/icons";
import { ApiError, api, errorMessage } from "@/lib/api";
import {
  apiFieldErrors,
  type DraftErrors,
  DueField,
  draftBody,
  EMPTY_DRAFT,
  FieldErrors,
  PriorityField,
  TagsField,
  type TaskDraft,
  validateDraft,
} from "./task-fields";

export function AddTaskForm({ onAdded }: { onAdded: (task: Task) => void }) {
  const [draft, setDraft] = useState<TaskDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  function change(next: TaskDraft) {
    setDraft(next);
    if (Object.keys(errors).length > 0) setErrors({});
    setFormError(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (found.title) titleRef.current?.focus();
      return;
    }
    setPending(true);
    try {
      const task = await api<Task>("/api/tasks", { method: "POST", json: draftBody(draft) });
      setDraft(EMPTY_DRAFT);
      setErrors({});
      onAdded(task);
      titleRef.current?.focus();
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length > 0)
        setErrors(apiFieldErrors(error.fieldErrors));
      setFormError(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="card p-3 sm:p-4"
      data-testid="add-task-form"
      aria-label="Add a task"
    >
      <div className="flex flex-col gap-2">
        <label htmlFor="new-title" className="sr-only">
          Task title
        </label>
        <input
          ref={titleRef}
          id="new-title"
          data-testid="new-title"
          className="w-full rounded-lg border-0 bg-transparent px-1 py-1 text-base font-medium text-slate-900 placeholder:font-normal placeholder:text-slate-400 focus:ring-0 focus:outline-none"
          placeholder="What needs doing?"
          value={draft.title}
          maxLength={200}
          autoComplete="off"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? "new-title-error" : undefined}
          onChange={(event) => change({ ...draft, title: event.target.value })}
        />
        <label htmlFor="new-description" className="sr-only">
          Description
        </label>
        <textarea
          id="new-description"
          data-testid="new-description"
          className="min-h-9 w-full resize-none rounded-lg border-0 bg-transparent px-1 py-0.5 text-sm text-slate-700 placeholder:text-slate-400 focus:ring-0 focus:outline-none"
          placeholder="Notes (optional)"
          rows={draft.description.includes("\n") ? 3 : 1}
          value={draft.description}
          onChange={(event) => change({ ...draft, description: event.target.value })}
          onKeyDown={(event) => {
            // Ctrl/⌘+Enter adds from the notes field too; plain Enter makes a new line.
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey))
              event.currentTarget.form?.requestSubmit();
          }}
        />
        <div className="grid grid-cols-2 items-end gap-2 border-t border-slate-100 pt-3 sm:grid-cols-[9rem_1fr_10rem_auto]">
          <PriorityField idPrefix="new" draft={draft} errors={errors} onChange={change} disabled={pending} />
          <DueField idPrefix="new" draft={draft} errors={errors} onChange={change} disabled={pending} />
          <div className="col-span-2 sm:col-span-1 sm:col-start-2 sm:row-start-1">
            <TagsField idPrefix="new" draft={draft} errors={errors} onChange={change} disabled={pending} />
          </div>
          <button
            type="submit"
            className="btn btn-primary col-span-2 sm:col-span-1"
            disabled={pending}
            data-testid="add-task"
          >
            <PlusIcon />
            {pending ? "Adding…" : "Add task"}
          </button>
        </div>
        <FieldErrors idPrefix="new" errors={errors} />
        {formError && Object.keys(errors).length === 0 && (
          <p role="alert" className="text-sm text-red-700">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
