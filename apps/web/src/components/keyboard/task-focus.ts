// Moving focus among the board's task rows (the DOM the task list renders, in the order it is shown).

/** The id of the task list's results region: the skip link's target and focus's home when it is empty. */
export const TASKS_ID = "tasks";
const ROW = '[data-testid="task-item"]';

/** Row classes: room for the sticky header above and the phone's assistant button below when scrolled to. */
export const ROW_SCROLL_MARGIN = "scroll-mt-20 scroll-mb-28";

export function taskRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`#${TASKS_ID} ${ROW}`)];
}

export function rowIdOf(row: Element | null | undefined): number | null {
  const id = Number(row?.getAttribute("data-task-id"));
  return row && Number.isInteger(id) ? id : null;
}

/** The row holding focus (the row itself or a control in it), if any. */
export function focusedRow(): HTMLElement | null {
  return document.activeElement?.closest<HTMLElement>(`#${TASKS_ID} ${ROW}`) ?? null;
}

export function rowById(id: number): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#${TASKS_ID} ${ROW}[data-task-id="${id}"]`);
}

export function focusRow(row: HTMLElement): void {
  row.focus({ preventScroll: true });
  row.scrollIntoView({ block: "nearest" });
}

/** To the tasks: the selected row (the one with tabindex 0), else the results region (the empty state). */
export function focusTasks(): void {
  const row = document.querySelector<HTMLElement>(`#${TASKS_ID} ${ROW}[tabindex="0"]`) ?? taskRows()[0];
  if (row) focusRow(row);
  else document.getElementById(TASKS_ID)?.focus();
}

/** Focuses a task's row once it is on screen (a restored task comes back after its request). */
export function focusRowWhenShown(id: number, timeoutMs = 3000): void {
  const until = performance.now() + timeoutMs;
  const attempt = () => {
    const row = rowById(id);
    if (row) focusRow(row);
    else if (performance.now() < until) requestAnimationFrame(attempt);
  };
  attempt();
}

/** Activates a control of the focused row ("task-toggle", "task-edit", "task-delete"), as a click would. */
export function pressInFocusedRow(testId: string): void {
  focusedRow()?.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.click();
}
