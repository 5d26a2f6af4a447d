"use client";

import { useEffect } from "react";
import { indexAfterRemoval } from "./selection";
import { focusRow, TASKS_ID, taskRows } from "./task-focus";

/**
 * Keeps focus in the task list when what held it goes away — a deleted row, a row a view change or a
 * live update replaced, an editor that closed — by moving it to the row now in that place (else the
 * last row, else the list's empty state) instead of letting it fall to <body>.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    const list = document.getElementById(TASKS_ID);
    if (!list) return;
    let held: { element: Element; index: number } | null = null;
    const indexOf = (element: Element) => {
      const row = element.closest('[data-testid="task-item"]');
      return row ? taskRows().indexOf(row as HTMLElement) : -1;
    };

    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      held =
        target instanceof Element && list.contains(target)
          ? { element: target, index: indexOf(target) }
          : null;
    };
    // Focus let go on purpose (a click on the page's background) is not brought back later.
    const onFocusOut = () =>
      setTimeout(() => {
        if (held?.element.isConnected && document.activeElement === document.body) held = null;
      });
    const onMutation = () => {
      if (!held) return;
      // Still there: keep its place current (rows above it come and go with live updates).
      if (held.element.isConnected) {
        const index = indexOf(held.element);
        if (index !== -1) held.index = index;
        return;
      }
      const active = document.activeElement;
      const lostAt = held.index;
      held = null;
      // Focus went somewhere on purpose (the editor's own return to its row's Edit button).
      if (active && active !== document.body) return;
      const rows = taskRows();
      const row = rows[indexAfterRemoval(rows.length, lostAt)];
      if (row) focusRow(row);
      else list.focus();
    };

    document.addEventListener("focusin", onFocusIn);
    list.addEventListener("focusout", onFocusOut);
    const observer = new MutationObserver(onMutation);
    observer.observe(list, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      list.removeEventListener("focusout", onFocusOut);
      observer.disconnect();
    };
  }, []);
}
