"use client";

// "Repeat" and "Remind me": shared by the add form and inline edit, like the other task fields.
import { XIcon } from "@/components/ui/icons";
import { REMIND_CHOICES, REMIND_LABELS, type RemindChoice } from "@/lib/reminders";
import type { DraftErrors, TaskDraft } from "./task-draft";

/** What every field of the task form gets (the add form's and the inline editor's). */
export type FieldProps = {
  idPrefix: string;
  draft: TaskDraft;
  errors: DraftErrors;
  /**
   * The fields that changed, and only those: the form applies them to its draft as it is then, so a change
   * made before the last one has rendered (the add form clearing as its task is sent) is not undone.
   */
  onChange: (patch: Partial<TaskDraft>) => void;
  disabled?: boolean;
  className?: string;
};

/** Common repeats offered as suggestions; anything else in plain English (or an RRULE) works too. */
const REPEAT_SUGGESTIONS = [
  "every day",
  "every weekday",
  "every week",
  "every 2 weeks",
  "every month",
  "on the 1st of every month",
  "every year",
];

/** Free text with suggestions; an existing task shows the server's wording of its rule. */
export function RepeatField({ idPrefix, draft, errors, onChange, disabled, className = "" }: FieldProps) {
  const id = `${idPrefix}-repeat`;
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        Repeat
      </label>
      <div className="relative">
        <input
          id={id}
          data-testid={id}
          className="field py-1.5 pr-8"
          list={`${id}-choices`}
          placeholder="e.g. every weekday"
          value={draft.repeat}
          disabled={disabled}
          autoComplete="off"
          aria-invalid={errors.repeat ? true : undefined}
          aria-describedby={errors.repeat ? `${idPrefix}-repeat-error` : undefined}
          onChange={(event) => onChange({ repeat: event.target.value })}
        />
        <datalist id={`${id}-choices`}>
          {REPEAT_SUGGESTIONS.map((choice) => (
            <option key={choice} value={choice} />
          ))}
        </datalist>
        {draft.repeat && !disabled && (
          <button
            type="button"
            className="absolute top-1/2 right-1 -translate-y-1/2 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
            onClick={() => onChange({ repeat: "" })}
            aria-label="Stop repeating"
            data-testid={`${id}-clear`}
          >
            <XIcon width={14} height={14} />
          </button>
        )}
      </div>
    </div>
  );
}

/** None, relative to the due, or a date and time of its own (in the user's zone). */
export function RemindField({ idPrefix, draft, errors, onChange, disabled, className = "" }: FieldProps) {
  const id = `${idPrefix}-remind`;
  const described = errors.remind ? `${idPrefix}-remind-error` : undefined;
  return (
    <div className={`min-w-0 ${className}`}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        Remind me
      </label>
      <div className="flex gap-1.5">
        <select
          id={id}
          data-testid={id}
          className="field py-1.5"
          value={draft.remind}
          disabled={disabled}
          aria-invalid={errors.remind ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange({ remind: event.target.value as RemindChoice })}
        >
          {REMIND_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {REMIND_LABELS[choice]}
            </option>
          ))}
        </select>
        {draft.remind === "custom" && (
          <input
            type="datetime-local"
            data-testid={`${id}-at`}
            aria-label="Remind me at"
            className="field py-1.5"
            value={draft.remindAt}
            disabled={disabled}
            aria-invalid={errors.remind ? true : undefined}
            aria-describedby={described}
            onChange={(event) => onChange({ remindAt: event.target.value.slice(0, 16) })}
          />
        )}
      </div>
    </div>
  );
}
