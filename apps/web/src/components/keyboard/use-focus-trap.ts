"use client";

import { type RefObject, useEffect } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `container`, in order (hidden ones left out). */
export function focusablesIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) =>
    element.checkVisibility(),
  );
}

/** While `active`, Tab and Shift+Tab go round the elements inside `ref` and never leave it. */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const box = ref.current;
      if (event.key !== "Tab" || !box) return;
      const items = focusablesIn(box);
      const first = items[0];
      const last = items.at(-1);
      const at = document.activeElement;
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const inside = at !== null && box.contains(at);
      if (event.shiftKey && (at === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (at === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [ref, active]);
}
