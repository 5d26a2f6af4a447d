import type { TaskSort } from "@taskflow/contracts";
import type { Priority } from "@/lib/priorities";

export type Status = "all" | "pending" | "completed" | "deleted";
export type Filters = { status: Status; priority: Priority | ""; tag: string; q: string; sort: TaskSort };

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

export const STATUSES: { value: Status; label: string }[] = [
  { value: "all", label: "All" },
  { value: "pending", label: "To do" },
  { value: "completed", label: "Done" },
  { value: "deleted", label: "Trash" },
];

/** Whether anything narrows the list (the sort order does not). */
export function isFiltered(filters: Filters): boolean {
  return filters.status !== "all" || filters.priority !== "" || filters.tag !== "" || filters.q.trim() !== "";
}
