"use client";

import type { ReactNode } from "react";

/** One button of a `ChoiceButtons` row. */
export type Choice = { label: ReactNode; testId: string; onClick: () => void };

/**
 * The buttons that answer one question side by side (Done / Open, Approve / Deny): the first is the
 * primary action, the others secondary. `buttonClassName` sizes them; `disabled` holds them all.
 */
export function ChoiceButtons({
  choices,
  className = "",
  buttonClassName = "",
  disabled,
}: {
  choices: readonly Choice[];
  className?: string;
  buttonClassName?: string;
  disabled?: boolean;
}) {
  return (
    <div className={`flex ${className}`}>
      {choices.map((choice, index) => (
        <button
          key={choice.testId}
          type="button"
          className={`btn ${index === 0 ? "btn-primary" : "btn-secondary"} ${buttonClassName}`}
          disabled={disabled}
          onClick={choice.onClick}
          data-testid={choice.testId}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
