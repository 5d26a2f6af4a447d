/**
 * The board's quick add: one line such as "Dentist friday 3pm #health !high" read with the same parser
 * pieces as the chat's add (tags, priority marks, dates in words in the user's zone, a repeat such as
 * "every saturday at 9" and a reminder such as ", remind me at 8:30"), without a tool call.
 */
import { type ParsedTask, parsedTaskSchema, TITLE_MAX_LENGTH } from "@taskflow/contracts";
import { impossibleDate, normalise, planAdd, recurrenceReply } from "./offline/quick-add-parts.js";

export type QuickAdd = ParsedTask | { error: string };

export function parseQuickAdd(text: string, now: Date, timeZone: string): QuickAdd {
  const { text: said, quotes } = normalise(text);
  if (said.length === 0) return { error: "Type what the task is, for example “buy milk tomorrow #errands”." };
  const unclear = impossibleDate(said) ?? recurrenceReply(said);
  if (unclear !== undefined) return { error: unclear };
  const plan = planAdd(said, quotes, { now, timeZone, tasks: [] });
  if (plan.kind !== "tool") return { error: plan.kind === "reply" ? plan.reply : "That is not a task." };
  const args = plan.arguments;
  const description = typeof args.description === "string" ? ` ${args.description}` : "";
  const out: ParsedTask = { title: `${String(args.title)}${description}`.slice(0, TITLE_MAX_LENGTH) };
  const priority = parsedTaskSchema.shape.priority.safeParse(args.priority);
  if (priority.success && priority.data) out.priority = priority.data;
  if (Array.isArray(args.tags) && args.tags.length > 0) out.tags = args.tags.map(String);
  if (typeof args.due === "string") out.due_at = args.due;
  if (typeof args.recurrence === "string") out.recurrence = args.recurrence;
  if (typeof args.remind_at === "string") out.remind_at = args.remind_at;
  return out;
}
