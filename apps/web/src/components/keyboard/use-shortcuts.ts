"use client";

import { useEffect, useRef } from "react";
import { createKeybindingsHandler } from "tinykeys";
import { bindingsOf, type ShortcutAction } from "./shortcuts";
import { ignoreShortcut } from "./typing-target";

/** Whether a modal dialog is open (native or ours), when the board's keys must stay quiet. */
const dialogOpen = () => document.querySelector('dialog[open], [aria-modal="true"]') !== null;

/**
 * The keydown listener for SHORTCUTS: runs the action of a matching key (or sequence) and keeps the
 * key from also doing its default (typing "/" into the field it just focused).
 */
export function createShortcutHandler(
  run: (action: ShortcutAction) => void,
  isDialogOpen: () => boolean = dialogOpen,
): (event: KeyboardEvent) => void {
  let fired = false;
  const create = () =>
    createKeybindingsHandler(
      bindingsOf((action) => (event: KeyboardEvent) => {
        event.preventDefault();
        fired = true;
        run(action);
      }),
      { ignore: (event) => ignoreShortcut(event, isDialogOpen()) },
    );
  let handler = create();
  return (event) => {
    handler(event);
    // tinykeys stops at the binding that fired and keeps the other sequences' progress ("g u" still
    // waiting for its "u" after "g t" fired), which would eat the next "g": start afresh instead.
    if (fired) {
      fired = false;
      handler = create();
    }
  };
}

/** Binds SHORTCUTS on the window while mounted; `handlers` may change on every render. */
export function useShortcuts(handlers: Record<ShortcutAction, () => void>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = createShortcutHandler((action) => latest.current[action]());
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
