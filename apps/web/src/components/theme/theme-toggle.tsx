"use client";

import { useSyncExternalStore } from "react";
import { currentThemeChoice, saveThemeChoice, THEME_EVENT, type ThemeChoice } from "./theme-script";

type ThemeOption = { choice: ThemeChoice; label: string; icon: string };

const OPTIONS: ThemeOption[] = [
  { choice: "system", label: "System theme", icon: "M3 5h18v11H3zM8 20h8M12 16v4" },
  {
    choice: "light",
    label: "Light theme",
    icon: "M12 4V2M12 22v-2M4 12H2M22 12h-2M5.6 5.6 4.2 4.2M19.8 19.8l-1.4-1.4M5.6 18.4l-1.4 1.4M19.8 4.2l-1.4 1.4M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z",
  },
  { choice: "dark", label: "Dark theme", icon: "M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5Z" },
];

function subscribe(onChange: () => void): () => void {
  window.addEventListener(THEME_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(THEME_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/**
 * System / Light / Dark, remembered in this browser (see theme-script.ts). `compact`: on phones one
 * button that steps to the next choice (the header has no room for three), the three from `sm` up.
 */
export function ThemeToggle({ className = "", compact = false }: { className?: string; compact?: boolean }) {
  const choice = useSyncExternalStore(subscribe, currentThemeChoice, () => "system" as ThemeChoice);
  const index = OPTIONS.findIndex((option) => option.choice === choice);
  const current = OPTIONS[index] ?? OPTIONS[0];
  const next = OPTIONS[(index + 1) % OPTIONS.length] ?? OPTIONS[0];
  return (
    <>
      {compact && current && next && (
        <button
          type="button"
          data-testid="theme-next"
          aria-label={`${current.label} (switch to ${next.label.toLowerCase()})`}
          title={current.label}
          onClick={() => saveThemeChoice(next.choice)}
          className={`grid size-8 place-items-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900 sm:hidden ${className}`}
        >
          <ThemeIcon option={current} />
        </button>
      )}
      <ThemeChoices
        choice={choice}
        className={`${compact ? "hidden sm:inline-flex" : "inline-flex"} ${className}`}
      />
    </>
  );
}

function ThemeChoices({ choice, className }: { choice: ThemeChoice; className: string }) {
  return (
    <fieldset
      data-testid="theme-toggle"
      className={`items-center rounded-lg border border-slate-200 bg-surface p-0.5 ${className}`}
    >
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map((option) => (
        <button
          key={option.choice}
          type="button"
          data-testid={`theme-${option.choice}`}
          aria-label={option.label}
          aria-pressed={choice === option.choice}
          title={option.label}
          onClick={() => saveThemeChoice(option.choice)}
          className={`grid size-7 place-items-center rounded-md transition-colors ${
            choice === option.choice
              ? "bg-slate-100 text-slate-900"
              : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"
          }`}
        >
          <ThemeIcon option={option} />
        </button>
      ))}
    </fieldset>
  );
}

/** A choice's icon, the same in the one-button and the three-button layout. */
function ThemeIcon({ option }: { option: ThemeOption }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={option.icon} />
    </svg>
  );
}
