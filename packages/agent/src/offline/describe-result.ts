/** Turns MCP tool results into short chat answers. */
import { wallClock } from "./clock.js";

interface ListedTask {
  id?: unknown;
  title?: unknown;
  completed?: unknown;
  priority?: unknown;
  tags?: unknown;
  due_at?: unknown;
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

function describeTask(task: ListedTask, options: DescribeOptions): string {
  const details: string[] = [];
  const due = formatDue(task.due_at, options);
  if (due !== undefined) details.push(`due ${due}`);
  if (typeof task.priority === "string" && task.priority !== "none")
    details.push(`${task.priority} priority`);
  if (Array.isArray(task.tags) && task.tags.length > 0)
    details.push(task.tags.map((t) => `#${String(t)}`).join(" "));
  const box = task.completed === true ? "[x]" : "[ ]";
  const suffix = details.length > 0 ? ` (${details.join(", ")})` : "";
  return `#${String(task.id)} ${box} ${String(task.title)}${suffix}`;
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
  switch (tool) {
    case "add_task": {
      const due = formatDue(args.due);
      return `Added ${quoted(title)}${due === undefined ? "" : ` (due ${due})`}.`;
    }
    case "complete_task":
      return `Marked ${quoted(title)} as done.`;
    case "delete_task":
      return `Deleted ${quoted(title)}.`;
    case "update_task": {
      const what: string[] = [];
      if (args.title !== undefined) what.push(`renamed it to ‘${String(args.title)}’`);
      if (args.priority !== undefined) what.push(`set priority to ${String(args.priority)}`);
      if (args.due === null) what.push("removed the due date");
      else if (args.due !== undefined) what.push(`moved it to ${formatDue(args.due) ?? String(args.due)}`);
      if (args.tags !== undefined) what.push("updated its tags");
      if (args.description !== undefined) what.push("updated its description");
      if (args.completed === false) what.push("reopened it");
      if (args.completed === true) what.push("marked it done");
      const label = typeof title === "string" ? quoted(title) : `task #${String(id)}`;
      return what.length > 0 ? `Updated ${label}: ${what.join(", ")}.` : `Updated ${label}.`;
    }
    case "list_tasks": {
      const tasks = Array.isArray(data.tasks) ? (data.tasks as ListedTask[]) : [];
      if (tasks.length === 0) return "No tasks match that. Say “add …” to create one.";
      const header = tasks.length === 1 ? "Here is 1 task:" : `Here are ${tasks.length} tasks:`;
      return [header, ...tasks.map((t) => describeTask(t, options))].join("\n");
    }
    default:
      return "Done.";
  }
}
