import type { TaskPriority, TaskSort, TaskStatus } from "@taskflow/contracts";

export type Filters = {
  status: TaskStatus;
  priority: TaskPriority | "";
  tag: string;
  q: string;
  sort: TaskSort;
};

export const DEFAULT_FILTERS: Filters = { status: "all", priority: "", tag: "", q: "", sort: "-created" };

export const SORTS: { value: TaskSort; label: string }[] = [
  { value: "-created", label: "Newest first" },
  { value: "created", label: "Oldest first" },
  { value: "due", label: "Due soonest" },
  { value: "-due", label: "Due latest" },
  { value: "-priority", label: "Priority: high → low" },
  { value: "priority", label: "Priority: low → high" },
  { value: "title", label: "Title A → Z" },
  { value: "-title", label: "Title Z → A" },
];

export const STATUSES: { value: TaskStatus; label: string }[] = [
  { value: "all", label: "All" },
  { value: "pending", label: "To do" },
  { value: "completed", label: "Done" },
  { value: "deleted", label: "Trash" },
];

/** Whether anything narrows the list (the sort order does not). */
export function isFiltered(filters: Filters): boolean {
  return filters.status !== "all" || filters.priority !== "" || filters.tag !== "" || filters.q.trim() !== "";
}
