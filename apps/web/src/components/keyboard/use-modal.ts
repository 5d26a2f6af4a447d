"use client";

import { type RefObject, useEffect, useRef } from "react";
import { focusablesIn, useFocusTrap } from "./use-focus-trap";

/** Makes everything outside `box` inert (each sibling on the way up to <body>); returns what it changed. */
function inertOutside(box: Element): HTMLElement[] {
  const changed: HTMLElement[] = [];
  for (let node: Element = box; node !== document.body && node.parentElement; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        changed.push(sibling);
      }
    }
  }
  return changed;
}

/**
 * A modal that is not a native <dialog> (an element that is a plain panel at other widths): while
 * `open`, focus moves in (to `initialFocus`, else the first control), Tab stays inside, the rest of the
 * page is inert, and Escape calls `onClose`; once closed, focus returns to what opened it.
 */
export function useModal(
  ref: RefObject<HTMLElement | null>,
  open: boolean,
  onClose: () => void,
  initialFocus?: () => HTMLElement | null,
): void {
  const latest = useRef({ onClose, initialFocus });
  useEffect(() => {
    latest.current = { onClose, initialFocus };
  });
  useFocusTrap(ref, open);
  useEffect(() => {
    const box = ref.current;
    if (!open || !box) return;
    const opener = document.activeElement;
    const inert = inertOutside(box);
    (latest.current.initialFocus?.() ?? focusablesIn(box)[0])?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      latest.current.onClose();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      for (const element of inert) element.inert = false;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [ref, open]);
}
