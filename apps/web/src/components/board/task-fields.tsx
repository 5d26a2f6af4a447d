"use client";

// The fields of a task, shared by the add form and inline edit so both look the same.
import { TASK_PRIORITIES, type TaskPriority } from "@taskflow/contracts";
import { ListField } from "../lists/list-field";
import { PRIORITY_LABEL } from "./priority-label";
import { type FieldProps as Props, RemindField, RepeatField } from "./schedule-fields";
import type { DraftErrors } from "./task-draft";

export function PriorityField({ idPrefix, draft, onChange, disabled, className = "" }: Props) {
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={`${idPrefix}-priority`} className="mb-1 block text-xs font-medium text-slate-600">
        Priority
      </label>
      <select
        id={`${idPrefix}-priority`}
        data-testid={`${idPrefix}-priority`}
        className="field py-1.5"
        value={draft.priority}
        disabled={disabled}
        onChange={(event) => onChange({ priority: event.target.value as TaskPriority })}
      >
        {TASK_PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {priority === "none" ? "None" : PRIORITY_LABEL[priority]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TagsField({ idPrefix, draft, errors, onChange, disabled, className = "" }: Props) {
  return (
    <div className={`min-w-0 ${className}`}>
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
        aria-describedby={`${idPrefix}-tags-hint${errors.tags ? ` ${idPrefix}-tags-error` : ""}`}
        onChange={(event) => onChange({ tags: event.target.value })}
      />
      <p
        id={`${idPrefix}-tags-hint`}
        data-testid={`${idPrefix}-tags-hint`}
        className="mt-1 text-xs text-slate-500"
      >
        Spaces or commas separate tags
      </p>
    </div>
  );
}

/** A date and an optional time: without a time the task is due all that day. */
export function DueField({ idPrefix, draft, errors, onChange, disabled, className = "" }: Props) {
  return (
    <div className={`grid min-w-0 grid-cols-[minmax(0,1fr)_6.75rem] gap-1.5 ${className}`}>
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
          aria-describedby={errors.due ? `${idPrefix}-due-error` : undefined}
          // Clearing the date clears the time too: a time alone means nothing.
          onChange={(event) => {
            const due = event.target.value;
            onChange(due ? { due } : { due, time: "" });
          }}
        />
      </div>
      <div className="min-w-0">
        <label htmlFor={`${idPrefix}-time`} className="mb-1 block text-xs font-medium text-slate-600">
          Time <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <input
          id={`${idPrefix}-time`}
          data-testid={`${idPrefix}-time`}
          type="time"
          className="field py-1.5"
          value={draft.time}
          disabled={disabled}
          title="Leave empty for a task due all day"
          aria-invalid={errors.time ? true : undefined}
          aria-describedby={errors.time ? `${idPrefix}-time-error` : undefined}
          onChange={(event) => onChange({ time: event.target.value })}
        />
      </div>
    </div>
  );
}

/**
 * List, priority, tags, due, repeat and reminder, sized alike in the add form and the inline editor (a
 * fragment, for their row).
 */
export function TaskMetaFields(props: Omit<Props, "className">) {
  return (
    <>
      <ListField {...props} className="w-36 sm:w-40" />
      <PriorityField {...props} className="w-32 sm:w-36" />
      <TagsField {...props} className="min-w-40 flex-1" />
      <DueField {...props} className="w-full sm:w-64" />
      <RepeatField {...props} className="min-w-44 flex-1" />
      <RemindField {...props} className="w-full sm:w-auto" />
    </>
  );
}

export function FieldErrors({ idPrefix, errors }: { idPrefix: string; errors: DraftErrors }) {
  const entries = (Object.entries(errors) as [keyof DraftErrors, string | undefined][]).filter(
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
