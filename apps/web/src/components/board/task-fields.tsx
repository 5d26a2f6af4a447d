"use client";

// The fields of a task, shared by the add form and inline edit so both validate the same way.
import type { Task } from "@taskflow/core/contracts";
import { dueInputValue } from "@/lib/dates";
import { PRIORITIES, PRIORITY_LABEL, type Priority } from "@/lib/priorities";
import { parseTags, tagsError } from "@/lib/tags";

export type TaskDraft = { title: string; description: string; priority: Priority; tags: string; due: string };
export type DraftErrors = Partial<Record<keyof TaskDraft, string>>;

export const EMPTY_DRAFT: TaskDraft = { title: "", description: "", priority: "none", tags: "", due: "" };

export function draftFromTask(task: Task): TaskDraft {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags.join(", "),
    due: dueInputValue(task.due_at),
  };
}

export function validateDraft(draft: TaskDraft): DraftErrors {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = "Give the task a title.";
  else if (title.length > 200) errors.title = "Keep the title under 200 characters.";
  if (draft.description.length > 2000) errors.description = "Keep notes under 2000 characters.";
  const tags = tagsError(draft.tags);
  if (tags) errors.tags = tags;
  if (draft.due && !/^\d{4}-\d{2}-\d{2}$/.test(draft.due)) errors.due = "Pick a valid date.";
  return errors;
}

/** The JSON body for POST/PATCH /api/tasks. A date-only due is a calendar day, as the api expects. */
export function draftBody(draft: TaskDraft) {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    priority: draft.priority,
    tags: parseTags(draft.tags),
    due_at: draft.due ? draft.due : null,
  };
}

type Props = {
  idPrefix: string;
  draft: TaskDraft;
  errors: DraftErrors;
  onChange: (draft: TaskDraft) => void;
  disabled?: boolean;
};

export function PriorityField({ idPrefix, draft, onChange, disabled }: Props) {
  return (
    <div className="min-w-0">
      <label htmlFor={`${idPrefix}-priority`} className="mb-1 block text-xs font-medium text-slate-600">
        Priority
      </label>
      <select
        id={`${idPrefix}-priority`}
        data-testid={`${idPrefix}-priority`}
        className="field py-1.5"
        value={draft.priority}
        disabled={disabled}
        onChange={(event) => onChange({ ...draft, priority: event.target.value as Priority })}
      >
        {PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {priority === "none" ? "None" : PRIORITY_LABEL[priority]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TagsField({ idPrefix, draft, errors, onChange, disabled }: Props) {
  return (
    <div className="min-w-0">
      <label htmlFor={`${idPrefix}-tags`} className="mb-1 block text-xs font-medium text-slate-600">
        Tags
      </label>
      <input
        id={`${idPrefix}-tags`}
        data-testid={`${idPrefix}-tags`}
        className="field py-1.5"
        placeholder="work, home"
        value={draft.tags}
        disabled={disabled}
        autoComplete="off"
        aria-invalid={errors.tags ? true : undefined}
        aria-describedby={errors.tags ? `${idPrefix}-tags-error` : undefined}
        onChange={(event) => onChange({ ...draft, tags: event.target.value })}
      />
    </div>
  );
}

export function DueField({ idPrefix, draft, errors, onChange, disabled }: Props) {
  return (
    <div className="min-w-0">
      <label htmlFor={`${idPrefix}-due`} className="mb-1 block text-xs font-medium text-slate-600">
        Due date
      </label>
      <input
        id={`${idPrefix}-due`}
        data-testid={`${idPrefix}-due`}
        type="date"
        className="field py-1.5"
        value={draft.due}
        disabled={disabled}
        aria-invalid={errors.due ? true : undefined}
        onChange={(event) => onChange({ ...draft, due: event.target.value })}
      />
    </div>
  );
}

export function FieldErrors({ idPrefix, errors }: { idPrefix: string; errors: DraftErrors }) {
  const entries = (Object.entries(errors) as [keyof TaskDraft, string | undefined][]).filter(
    ([, message]) => message,
  );
  if (entries.length === 0) return null;
  return (
    <ul className="space-y-0.5 text-sm text-red-700" data-testid={`${idPrefix}-errors`}>
      {entries.map(([field, message]) => (
        <li key={field} id={`${idPrefix}-${field}-error`}>
          {message}
        </li>
      ))}
    </ul>
  );
}

/** Maps the api's validation errors ({field: "due_at"}) onto the draft's fields. */
export function apiFieldErrors(errors: { field: string; message: string }[]): DraftErrors {
  const mapped: DraftErrors = {};
  for (const { field, message } of errors) {
    const key = field.replace(/^body\./, "").split(".")[0];
    if (key === "title" || key === "description" || key === "priority" || key === "tags")
      mapped[key] = `${capitalize(key)} ${message}`;
    else if (key === "due_at") mapped.due = `Due date ${message}`;
  }
  return mapped;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
