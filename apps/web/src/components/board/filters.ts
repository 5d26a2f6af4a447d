import {
  listFilterSchema,
  TASK_PRIORITIES,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskPriority,
  type TaskSort,
  type TaskStatus,
} from "@taskflow/contracts";
import type { ListQuery } from "../../lib/task-match";
import { VIEWS, type View } from "../../lib/task-views";

/** The board's view, filters and sort: the list query the URL keeps. */
export type Filters = ListQuery;

export const DEFAULT_FILTERS: Filters = {
  view: "all",
  status: "all",
  priority: "",
  tag: "",
  q: "",
  sort: "-created",
  list: "",
};

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

export const VIEW_LABELS: Record<View, string> = { all: "All", today: "Today", upcoming: "Upcoming" };

/**
 * Whether anything narrows the list (the sort order does not; nor do the view and the list, which say
 * so themselves: the tabs and the sidebar mark them).
 * Today and Upcoming list open tasks only, so their status is not a filter.
 */
export function isFiltered(filters: Filters): boolean {
  return (
    (filters.view === "all" && filters.status !== "all") ||
    filters.priority !== "" ||
    filters.tag !== "" ||
    filters.q.trim() !== ""
  );
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;

/** The filters a URL's search params name; anything unknown falls back to the default. */
export function filtersFromSearch(params: URLSearchParams): Filters {
  const d = DEFAULT_FILTERS;
  return {
    view: oneOf(VIEWS, params.get("view"), d.view),
    status: oneOf(TASK_STATUSES, params.get("status"), d.status),
    priority: oneOf<TaskPriority | "">(TASK_PRIORITIES, params.get("priority"), d.priority),
    tag: params.get("tag")?.trim().toLowerCase() ?? "",
    q: params.get("q") ?? "",
    sort: oneOf(TASK_SORTS, params.get("sort"), d.sort),
    list: listParam(params.get("list")),
  };
}

/**
 * `?list=`: "inbox" or a list id the api would take (no larger than its ids go); anything else is every
 * list, never a request the api refuses.
 */
function listParam(value: string | null): string {
  const list = value?.trim().toLowerCase() ?? "";
  if (list === "inbox") return list;
  return /^[1-9]\d{0,9}$/.test(list) && listFilterSchema.safeParse(list).success ? list : "";
}

/** Whether the board's `list` (as `filtersFromSearch` reads it) names one list by id: not all, not the Inbox. */
export function isListId(list: string): boolean {
  return list !== "" && list !== "inbox";
}

/** The search params for filters, defaults left out ("" for the plain board). */
export function searchFromFilters(filters: Filters): string {
  const params = new URLSearchParams();
  for (const key of ["list", "view", "status", "priority", "tag", "q", "sort"] as const) {
    const value = key === "q" ? filters.q.trim() : filters[key];
    if (value !== DEFAULT_FILTERS[key]) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
