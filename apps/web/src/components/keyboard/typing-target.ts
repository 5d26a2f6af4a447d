// When a keydown is not a shortcut: while typing, with a modifier held, or while a dialog is open.

/** Inputs that take no typed text: a letter pressed on them is free to be a shortcut. */
const NOT_TYPED = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "range",
  "color",
  "file",
  "image",
]);

/** Fields Escape leaves for the task list (the add field and the search box). */
export const LEAVE_FIELDS: readonly string[] = ["new-title", "new-description", "task-search"];

/** The parts of an element the guard reads (a DOM Element has them all). */
type TargetLike = {
  tagName?: string;
  type?: string;
  id?: string;
  isContentEditable?: boolean;
  closest?: (selector: string) => unknown;
};

type KeyEventLike = {
  key: string;
  target: unknown;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
};

const asTarget = (target: unknown): TargetLike | null =>
  target !== null && typeof target === "object" ? (target as TargetLike) : null;

/** Whether a key pressed on `target` types into it (a text field, a textarea, a select, contenteditable). */
export function isTypingTarget(target: unknown): boolean {
  const element = asTarget(target);
  if (!element?.tagName) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  return tag === "input" && !NOT_TYPED.has((element.type ?? "text").toLowerCase());
}

/**
 * Whether the board's shortcuts leave this keydown alone: one something else already handled, a held
 * key's repeats, an IME composition, Ctrl/Alt/Meta chords (the browser's and the system's), keys
 * typed into a field (except Escape leaving the add or search field), and anything while a dialog
 * is open (the dialog has its own keys, and the board behind it is inert).
 */
export function ignoreShortcut(event: KeyEventLike, dialogOpen: boolean): boolean {
  if (event.defaultPrevented || event.repeat || event.isComposing) return true;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = asTarget(event.target);
  if (dialogOpen || target?.closest?.('dialog, [role="dialog"], [aria-modal="true"]')) return true;
  if (isTypingTarget(target)) return !(event.key === "Escape" && LEAVE_FIELDS.includes(target?.id ?? ""));
  return false;
}
