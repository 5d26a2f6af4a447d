import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled input with its error (or hint) below, wired for screen readers by id. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p
          id={`${id}-error`}
          className="mt-1.5 text-sm text-red-700"
          data-testid={`${id.split("-").pop()}-error`}
        >
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange"> & {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  value: string;
  onValue: (value: string) => void;
};

/** A text input in a Field: invalid and described by its error, else by its hint. */
export function TextField({ id, label, error, hint, value, onValue, className, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className={className ? `field ${className}` : "field"}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...input}
      />
    </Field>
  );
}

/** What stopped the whole form (not one field), above its fields. */
export function FormAlert({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {children}
    </div>
  );
}

/** The form's one full-width submit button; while the request runs it says so and cannot be pressed again. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  testId,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  testId: string;
}) {
  return (
    <button type="submit" className="btn btn-primary w-full py-2.5" disabled={pending} data-testid={testId}>
      {pending ? pendingLabel : label}
    </button>
  );
}
