"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError, errorMessage } from "@/lib/api";
import { duplicateNameMessage, listNameError } from "./list-words";

type Props = {
  /** Names the form's testids and ids ("create-list", "rename-list"). */
  idPrefix: string;
  /** The field's label (read by screen readers; the placeholder shows it). */
  label: string;
  initial?: string;
  submitLabel: string;
  /** Saves the trimmed name; throws the api's error when refused. */
  onSave: (name: string) => Promise<void>;
  onCancel: () => void;
};

/**
 * A list's name, typed inline to create or rename a list: checked with the api's schema before it is
 * sent, a name the user already has (the api's 409) said in plain words. Enter saves, Escape cancels.
 */
export function ListNameForm({ idPrefix, label, initial = "", submitLabel, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = listNameError(name);
    if (problem) {
      setError(problem);
      input.current?.focus();
      return;
    }
    setPending(true);
    try {
      await onSave(name.trim());
    } catch (failure) {
      setPending(false);
      setError(
        failure instanceof ApiError && failure.status === 409
          ? duplicateNameMessage(name)
          : errorMessage(failure),
      );
      input.current?.focus();
    }
  }

  const errorId = `${idPrefix}-error`;
  return (
    <form
      onSubmit={submit}
      noValidate
      data-testid={`${idPrefix}-form`}
      className="space-y-1.5 py-1"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={`${idPrefix}-name`} className="sr-only">
        {label}
      </label>
      <input
        ref={input}
        id={`${idPrefix}-name`}
        data-testid={`${idPrefix}-name`}
        className="field px-2 py-1"
        placeholder={label}
        value={name}
        dir="auto"
        autoComplete="off"
        disabled={pending}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
      />
      {error && (
        <p id={errorId} role="alert" data-testid={errorId} className="text-xs text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-1.5">
        <button
          type="submit"
          className="btn btn-primary px-2.5 py-1"
          disabled={pending}
          data-testid={`${idPrefix}-save`}
        >
          {pending ? "Saving…" : submitLabel}
        </button>
        <button
          type="button"
          className="btn btn-ghost px-2.5 py-1"
          onClick={onCancel}
          data-testid={`${idPrefix}-cancel`}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
