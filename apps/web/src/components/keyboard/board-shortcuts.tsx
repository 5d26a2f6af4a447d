"use client";

import { useState } from "react";
import type { Filters } from "@/components/board/filters";
import type { View } from "@/lib/task-views";
import { stepSelection } from "./selection";
import { ShortcutsHelp } from "./shortcuts-help";
import {
  focusedRow,
  focusRow,
  focusTasks,
  pressInFocusedRow,
  rowById,
  rowIdOf,
  taskRows,
} from "./task-focus";
import { useFocusRescue } from "./use-focus-rescue";
import { useShortcuts } from "./use-shortcuts";

function focusField(id: string): void {
  const field = document.getElementById(id);
  field?.scrollIntoView({ block: "nearest" });
  field?.focus({ preventScroll: true });
}

function move(step: 1 | -1): void {
  const rows = taskRows();
  const ids = rows.map(rowIdOf).filter((id): id is number => id !== null);
  const selected = rowIdOf(rows.find((row) => row.tabIndex === 0));
  const id = stepSelection(ids, rowIdOf(focusedRow()), selected, step);
  const row = id === null ? null : rowById(id);
  if (row) focusRow(row);
}

/**
 * The board's keyboard: SHORTCUTS bound to what they do here, the `?` dialog, and focus kept in the
 * task list when rows go away. x, e and # act on the row holding focus, through the row's own
 * controls, so a key does exactly what the click does.
 */
export function BoardShortcuts({
  filters,
  onFilters,
  onUndo,
}: {
  filters: Filters;
  onFilters: (filters: Filters) => void;
  onUndo: () => void;
}) {
  const [help, setHelp] = useState(false);
  useFocusRescue();

  const goTo = (view: View) => {
    // Today and Upcoming across every list, as the sidebar's entries are.
    onFilters({ ...filters, view, list: "" });
    // The view's tab takes focus: it says where the user now is, and j goes on into the list.
    document.querySelector<HTMLElement>(`[data-testid="view-${view}"]`)?.focus();
  };

  useShortcuts({
    add: () => focusField("new-title"),
    search: () => focusField("task-search"),
    next: () => move(1),
    previous: () => move(-1),
    complete: () => pressInFocusedRow("task-toggle"),
    edit: () => pressInFocusedRow("task-edit"),
    delete: () => pressInFocusedRow("task-delete"),
    undo: onUndo,
    today: () => goTo("today"),
    upcoming: () => goTo("upcoming"),
    help: () => setHelp(true),
    leave: focusTasks,
  });

  return <ShortcutsHelp open={help} onClose={() => setHelp(false)} />;
}
