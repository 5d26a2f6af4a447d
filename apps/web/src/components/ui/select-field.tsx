"use client";

/** One choice of a `SelectField`. */
export type SelectOption<T extends string> = { value: T; label: string };

type Props<T extends string> = {
  id: string;
  /** Read by screen readers only: the options themselves say what the field is ("Any priority"). */
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onValue: (value: T) => void;
  className?: string;
  title?: string;
  testId?: string;
};

/** A select in a row of controls, labelled for screen readers; `data-testid` is its id unless given. */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  onValue,
  className = "",
  title,
  testId = id,
}: Props<T>) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        data-testid={testId}
        className={`field ${className}`}
        title={title}
        value={value}
        // The select offers only `options`, so its value is one of theirs.
        onChange={(event) => onValue(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
