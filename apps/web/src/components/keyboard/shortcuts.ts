// The board's keyboard shortcuts, written once: the handler (use-shortcuts.ts) binds these keys and
// the help dialog (shortcuts-help.tsx) lists them, so the two cannot drift apart.

/** What a shortcut does; the board gives each a handler. */
export type ShortcutAction =
  | "add"
  | "search"
  | "next"
  | "previous"
  | "complete"
  | "edit"
  | "delete"
  | "undo"
  | "today"
  | "upcoming"
  | "help"
  | "leave";

export type Shortcut = {
  /** Alternatives, each a press ("x") or a sequence of presses ("g t"), as the keys are labelled. */
  keys: readonly string[];
  description: string;
  action: ShortcutAction;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["q", "n"], description: "Add a task (go to the add field)", action: "add" },
  { keys: ["/"], description: "Search tasks", action: "search" },
  { keys: ["j"], description: "Next task", action: "next" },
  { keys: ["k"], description: "Previous task", action: "previous" },
  { keys: ["x"], description: "Complete or reopen the selected task", action: "complete" },
  { keys: ["e"], description: "Edit the selected task", action: "edit" },
  { keys: ["#"], description: "Delete the selected task (to the trash)", action: "delete" },
  { keys: ["z"], description: "Undo the last delete or complete", action: "undo" },
  { keys: ["g t"], description: "Go to Today", action: "today" },
  { keys: ["g u"], description: "Go to Upcoming", action: "upcoming" },
  { keys: ["?"], description: "Show these shortcuts", action: "help" },
  { keys: ["Escape"], description: "Leave the add or search field, back to the tasks", action: "leave" },
];

/**
 * The tinykeys binding for keys written as above. A symbol may need Shift on one layout and not on
 * another (`?` and `#` on a US keyboard, `/` on a German one), so Shift is optional for symbols;
 * a letter with Shift (or any key with Ctrl, Alt or Meta) is not a shortcut.
 */
export function bindingOf(keys: string): string {
  return keys
    .split(" ")
    .map((press) => (/^[^\p{L}\p{N}]$/u.test(press) ? `[Shift]+${press}` : press))
    .join(" ");
}

/** Every binding of SHORTCUTS, each calling `handle` with its action. */
export function bindingsOf<T>(handle: (action: ShortcutAction) => T): Record<string, T> {
  const bindings: Record<string, T> = {};
  for (const shortcut of SHORTCUTS)
    for (const keys of shortcut.keys) bindings[bindingOf(keys)] = handle(shortcut.action);
  return bindings;
}
