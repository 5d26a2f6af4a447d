// Where a task that changed elsewhere (GET /api/events) belongs in the list on screen: does it match
// the view and filters, and where does it go in the sort order. The same rules the api's list applies.
import type { Task, TaskPriority, TaskSort, TaskStatus } from "@taskflow/contracts";
import { dueInView, type View } from "./task-views";

export type ListQuery = {
  view: View;
  status: TaskStatus;
  priority: TaskPriority | "";
  tag: string;
  q: string;
  sort: TaskSort;
  /** The list shown: "" for every list, "inbox" for tasks in none, or a list id (as `?list=` says). */
  list: string;
};

/** Is the task in the list a query shows ("" is every list)? */
export function inList(task: Pick<Task, "list_id">, list: string): boolean {
  if (list === "") return true;
  if (list === "inbox") return task.list_id === null;
  return String(task.list_id) === list;
}

/** Today and Upcoming list open tasks; All lists the chosen status. */
export function effectiveStatus(query: Pick<ListQuery, "view" | "status">): TaskStatus {
  return query.view === "all" ? query.status : "pending";
}

export function matchesQuery(task: Task, query: ListQuery, timeZone: string, now = new Date()): boolean {
  const status = effectiveStatus(query);
  if (status === "deleted") {
    if (!task.deleted_at) return false;
  } else {
    if (task.deleted_at) return false;
    if (status === "pending" && task.completed) return false;
    if (status === "completed" && !task.completed) return false;
  }
  if (!inList(task, query.list)) return false;
  if (query.priority && task.priority !== query.priority) return false;
  if (query.tag && !task.tags.includes(query.tag)) return false;
  const q = query.q.trim().toLowerCase();
  if (q && !task.title.toLowerCase().includes(q) && !task.description.toLowerCase().includes(q)) return false;
  return dueInView(task, query.view, timeZone, now);
}

const RANK: Record<TaskPriority, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** A task's due as a number to sort on: all-day tasks at the end of their (UTC-stored) day, none last. */
function dueValue(task: Task): number {
  if (!task.due_at) return Number.POSITIVE_INFINITY;
  const time = Date.parse(task.all_day ? `${task.due_at.slice(0, 10)}T23:59:59.999Z` : task.due_at);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** The list's order for a sort (ties by id, in the sort's direction), as the api sorts. */
export function compareTasks(sort: TaskSort): (a: Task, b: Task) => number {
  const reversed = sort.startsWith("-");
  const key = reversed ? sort.slice(1) : sort;
  const base = (a: Task, b: Task): number => {
    if (key === "due") return dueValue(a) - dueValue(b) || a.id - b.id;
    if (key === "priority") return RANK[b.priority] - RANK[a.priority] || b.id - a.id;
    if (key === "title") {
      const x = a.title.toLowerCase();
      const y = b.title.toLowerCase();
      return x < y ? -1 : x > y ? 1 : a.id - b.id;
    }
    return a.id - b.id;
  };
  return reversed ? (a, b) => base(b, a) : base;
}

/**
 * The list with `task` put in its sorted place. When more pages follow (`complete` false), a task that
 * sorts after the last one loaded is left for "Load more" to bring.
 */
export function insertSorted(items: Task[], task: Task, sort: TaskSort, complete: boolean): Task[] {
  const compare = compareTasks(sort);
  const rest = items.filter((item) => item.id !== task.id);
  const index = rest.findIndex((item) => compare(task, item) < 0);
  if (index === -1) return complete ? [...rest, task] : rest;
  return [...rest.slice(0, index), task, ...rest.slice(index)];
}
