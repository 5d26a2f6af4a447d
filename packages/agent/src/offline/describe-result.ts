/** Turns MCP tool results into short chat answers. */
import { INBOX } from "@taskflow/contracts";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { dueKey, isOverdue, wallClock } from "./clock.js";
import type { ListView } from "./types.js";

interface ListedTask {
  id?: unknown;
  title?: unknown;
  completed?: unknown;
  priority?: unknown;
  tags?: unknown;
  due_at?: unknown;
  recurrence_text?: unknown;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Accepts a bare structured result, an MCP CallToolResult, or its JSON text content. */
function structured(result: unknown): Record<string, unknown> | undefined {
  if (!isRecord(result)) return undefined;
  if (isRecord(result.structuredContent)) return result.structuredContent;
  if (Array.isArray(result.content)) {
    for (const part of result.content) {
      if (isRecord(part) && typeof part.text === "string") {
        try {
          const parsed: unknown = JSON.parse(part.text);
          if (isRecord(parsed)) return parsed;
        } catch {
          // plain text content, not JSON
        }
      }
    }
    return undefined;
  }
  return result;
}

function errorText(result: unknown): string {
  if (isRecord(result) && Array.isArray(result.content)) {
    const texts = result.content.flatMap((p) => (isRecord(p) && typeof p.text === "string" ? [p.text] : []));
    if (texts.length > 0) return texts.join(" ");
  }
  if (typeof result === "string") return result;
  if (result instanceof Error) return result.message;
  if (isRecord(result) && typeof result.message === "string") return result.message;
  return "something went wrong";
}

export interface DescribeOptions {
  /** The user's IANA zone: due instants are shown on their wall clock. */
  timeZone?: string | undefined;
  /** How a listing is ordered and headed (see ListView). */
  view?: ListView | undefined;
  now?: Date | undefined;
}

const WALL = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/;

/**
 * A due as the user reads it: an all-day date as its day, a wall time (`YYYY-MM-DDTHH:MM`, what the
 * assistant sends) as said, an instant (what the api returns) on the user's clock.
 */
export function formatDue(due: unknown, options: DescribeOptions = {}): string | undefined {
  if (typeof due !== "string" || due.length < 10) return undefined;
  let local = WALL.exec(due);
  if (local === null) {
    const instant = new Date(due);
    if (Number.isNaN(instant.getTime())) return undefined;
    const { day, time } = wallClock(instant, options.timeZone);
    local = WALL.exec(`${day}T${time}`);
  }
  if (local?.[1] === undefined) return undefined;
  const day = new Date(`${local[1]}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return undefined;
  const base = `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`;
  return local[2] === undefined ? base : `${base} ${local[2]}`;
}

function quoted(title: unknown): string {
  return typeof title === "string" && title.length > 0 ? `‘${title}’` : "the task";
}

/** A task as the board shows it: its title and its number. */
function named(title: unknown, id: unknown): string {
  return id === undefined || id === null ? quoted(title) : `${quoted(title)} (#${String(id)})`;
}

const PRIORITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2, none: 3 };

function dueOf(task: ListedTask, timeZone: string | undefined): string {
  return typeof task.due_at === "string" ? dueKey(task.due_at, timeZone) : "9999";
}

function rank(task: ListedTask): number {
  return PRIORITY_RANK[String(task.priority ?? "none")] ?? 3;
}

/** The listing in the order and with the header its view asks for. */
function present(tasks: ListedTask[], options: DescribeOptions): { header: string; tasks: ListedTask[] } {
  const view = options.view;
  const count = (n: number) => (n === 1 ? "1 task" : `${n} tasks`);
  if (view?.kind === "by_due") {
    const sorted = [...tasks].sort((a, b) =>
      dueOf(a, options.timeZone).localeCompare(dueOf(b, options.timeZone)),
    );
    return { header: `${count(sorted.length)}, soonest due first:`, tasks: sorted };
  }
  if (view?.kind === "next") {
    const now = options.now ?? new Date();
    const late = (t: ListedTask) =>
      typeof t.due_at === "string" && isOverdue(t.due_at, now, options.timeZone) ? 0 : 1;
    const dated = (t: ListedTask) => (typeof t.due_at === "string" ? 0 : 1);
    const sorted = [...tasks]
      .filter((t) => t.completed !== true)
      .sort(
        (a, b) =>
          late(a) - late(b) ||
          dated(a) - dated(b) ||
          dueOf(a, options.timeZone).localeCompare(dueOf(b, options.timeZone)) ||
          rank(a) - rank(b),
      )
      .slice(0, 5);
    return {
      header: "Work on these next (overdue first, then due soonest, then high priority):",
      tasks: sorted,
    };
  }
  if (view?.kind === "completed_in") {
    const known = tasks.filter((t) => typeof (t as { completed_at?: unknown }).completed_at === "string");
    if (known.length === 0 && tasks.length > 0)
      return {
        header: `I can't see when each task was finished, so here are all ${count(tasks.length)} you have completed:`,
        tasks,
      };
    const onDay = tasks.filter((t) => {
      const at = (t as { completed_at?: unknown }).completed_at;
      if (typeof at !== "string") return false;
      const day = wallClock(new Date(at), options.timeZone).day;
      return day >= view.from && day < view.to;
    });
    return { header: `You finished ${count(onDay.length)} ${view.label}:`, tasks: onDay };
  }
  if (view?.kind === "in_list") return { header: `${view.name}: ${count(tasks.length)} to do:`, tasks };
  return { header: tasks.length === 1 ? "Here is 1 task:" : `Here are ${tasks.length} tasks:`, tasks };
}

/** "moved it to “Health”", "moved it to the Inbox": a task's new list, as an update's reply says it. */
function movedTo(list: unknown): string {
  return typeof list === "string" && list.toLowerCase() === INBOX
    ? "moved it to the Inbox"
    : `moved it to “${String(list)}”`;
}

interface ListedList {
  name?: unknown;
  task_count?: unknown;
}

function describeLists(lists: ListedList[]): string {
  if (lists.length === 0)
    return "You have no lists yet: every task is in the Inbox. Say “create a list called Groceries” to make one.";
  const open = (n: unknown) => (n === 1 ? "1 open task" : `${String(n ?? 0)} open tasks`);
  const rows = lists.map((l) => `- ${String(l.name)} (${open(l.task_count)})`);
  const head = lists.length === 1 ? "You have 1 list:" : `You have ${lists.length} lists:`;
  return [head, ...rows, "Tasks in no list are in the Inbox."].join("\n");
}

function describeTask(task: ListedTask, options: DescribeOptions): string {
  const details: string[] = [];
  const due = formatDue(task.due_at, options);
  if (due !== undefined) details.push(`due ${due}`);
  if (typeof task.priority === "string" && task.priority !== "none")
    details.push(`${task.priority} priority`);
  if (Array.isArray(task.tags) && task.tags.length > 0)
    details.push(task.tags.map((t) => `#${String(t)}`).join(" "));
  if (typeof task.recurrence_text === "string" && task.recurrence_text !== "")
    details.push(`repeats ${task.recurrence_text}`);
  const box = task.completed === true ? "[x]" : "[ ]";
  const suffix = details.length > 0 ? ` (${details.join(", ")})` : "";
  return `#${String(task.id)} ${box} ${String(task.title)}${suffix}`;
}

/** "repeats every Saturday", "reminder Sat 5 Dec 08:30" for an add's reply. */
function repeatDetails(
  data: Record<string, unknown>,
  args: Record<string, unknown>,
  options: DescribeOptions,
): string[] {
  const out: string[] = [];
  if (typeof data.recurrence_text === "string") out.push(`repeats ${data.recurrence_text}`);
  else if (typeof args.recurrence === "string") out.push("repeating");
  const remind = formatDue(args.remind_at, options);
  if (remind !== undefined) out.push(`reminder ${remind}`);
  return out;
}

export function describeToolResult(
  tool: string,
  args: Record<string, unknown>,
  result: unknown,
  isError: boolean,
  options: DescribeOptions = {},
): string {
  if (isError) return `Sorry, that didn't work: ${errorText(result)}`;
  const data = structured(result) ?? {};
  const title = data.title ?? args.title;
  const id = data.task_id ?? args.task_id;
  const it = named(title, id);
  switch (tool) {
    case TOOL.addTask: {
      const due = formatDue(args.due, options);
      const number = id === undefined ? "" : `#${String(id)}`;
      const details = [
        number,
        ...(due === undefined ? [] : [`due ${due}`]),
        ...repeatDetails(data, args, options),
      ].filter((d) => d.length > 0);
      const list =
        typeof args.list === "string" && args.list.toLowerCase() !== INBOX ? ` to “${args.list}”` : "";
      return `Added ${quoted(title)}${list}${details.length > 0 ? ` (${details.join(", ")})` : ""}.`;
    }
    case TOOL.completeTask:
      return `Marked ${it} as done.`;
    case TOOL.deleteTask:
      return `Deleted ${it} (it is in the trash).`;
    case TOOL.restoreTask:
      return `Restored ${it} from the trash.`;
    case TOOL.updateTask: {
      const what: string[] = [];
      if (args.title !== undefined) what.push(`renamed it to ‘${String(args.title)}’`);
      if (args.priority !== undefined) what.push(`set priority to ${String(args.priority)}`);
      if (args.due === null) what.push("removed the due date");
      else if (args.due !== undefined)
        what.push(`moved it to ${formatDue(args.due, options) ?? String(args.due)}`);
      if (args.recurrence === null) what.push("it no longer repeats");
      else if (args.recurrence !== undefined)
        what.push(`it repeats ${typeof data.recurrence_text === "string" ? data.recurrence_text : "now"}`);
      if (args.remind_at === null) what.push("removed the reminder");
      else if (args.remind_at !== undefined)
        what.push(`reminder ${formatDue(args.remind_at, options) ?? String(args.remind_at)}`);
      if (args.tags !== undefined) what.push("updated its tags");
      if (args.description !== undefined) what.push("updated its description");
      if (args.completed === false) what.push("reopened it");
      if (args.completed === true) what.push("marked it done");
      if (args.list !== undefined) what.push(movedTo(args.list));
      const label = typeof title === "string" ? it : `task #${String(id)}`;
      return what.length > 0 ? `Updated ${label}: ${what.join(", ")}.` : `Updated ${label}.`;
    }
    case TOOL.listLists:
      return describeLists(Array.isArray(data.lists) ? (data.lists as ListedList[]) : []);
    case TOOL.createList:
      return `Created the list “${String(data.name ?? args.name)}”. Say “add milk to ${String(data.name ?? args.name)}” to put a task in it.`;
    case TOOL.renameList:
      return `Renamed the list “${String(args.list)}” to “${String(data.name ?? args.name)}”.`;
    case TOOL.deleteList: {
      const moved = typeof data.open_tasks_moved === "number" ? data.open_tasks_moved : undefined;
      const tasks =
        moved === undefined || moved === 0
          ? "Its tasks, if any, are in the Inbox now."
          : `Its ${moved === 1 ? "open task is" : `${moved} open tasks are`} in the Inbox now.`;
      return `Deleted the list “${String(data.name ?? args.list)}”. ${tasks}`;
    }
    case TOOL.listTasks: {
      const tasks = Array.isArray(data.tasks) ? (data.tasks as ListedTask[]) : [];
      if (tasks.length === 0 && options.view?.kind === "in_list")
        return `Nothing to do in ${options.view.name}. Say “add milk to ${options.view.name === "the Inbox" ? "the Inbox" : options.view.name}” to put a task there.`;
      if (tasks.length === 0) return "No tasks match that. Say “add …” to create one.";
      const shown = present(tasks, options);
      if (shown.tasks.length === 0)
        return options.view?.kind === "completed_in"
          ? `You haven't finished a task ${options.view.label}.`
          : "Nothing is open: there is nothing to work on.";
      return [shown.header, ...shown.tasks.map((t) => describeTask(t, options))].join("\n");
    }
    default:
      return "Done.";
  }
}
