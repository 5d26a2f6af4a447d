"use client";

import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";
import { focusTasks, TASKS_ID } from "./task-focus";

/**
 * The first thing Tab reaches on every signed-in page, shown only when focused: on the board it goes
 * to the tasks (the selected row, or the list), elsewhere to the page's main content.
 */
export function SkipLink() {
  const board = usePathname() === "/";

  function skip(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (document.getElementById(TASKS_ID)) return focusTasks();
    const main = document.querySelector("main");
    if (!main) return;
    // A landmark is not focusable by itself; -1 lets the script move focus there without adding a Tab stop.
    main.tabIndex = -1;
    main.focus();
  }

  return (
    <a
      href={board ? `#${TASKS_ID}` : "#main"}
      onClick={skip}
      data-testid="skip-link"
      className="sr-only rounded-lg bg-surface px-4 py-2 text-sm font-semibold text-brand-700 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
    >
      {board ? "Skip to tasks" : "Skip to content"}
    </a>
  );
}
