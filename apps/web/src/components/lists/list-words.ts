// The lists' words: a list name checked with the api's own schema (the contracts) in the form's
// wording, where the board is ("Health", "Inbox", "All tasks"), and what a move or a delete says.
import { INBOX, LIST_NAME_MAX_LENGTH, type List, listNameSchema } from "@taskflow/contracts";
import type { View } from "../../lib/task-views";

/** What the api would refuse in a list name, said for the person typing it; null when it is fine. */
export function listNameError(name: string): string | null {
  const issue = listNameSchema.safeParse(name).error?.issues[0];
  if (!issue) return null;
  if (issue.code === "too_small") return "Give the list a name.";
  if (issue.code === "too_big")
    return `The name is ${name.trim().length} characters; the most is ${LIST_NAME_MAX_LENGTH}.`;
  if (issue.code === "custom" && name.trim().toLowerCase() === INBOX)
    return "“Inbox” is where tasks in no list go already; pick another name.";
  return `The name ${issue.message}.`;
}

/** The api's 409 for a name the user already has (whatever its case), in the form's words. */
export function duplicateNameMessage(name: string): string {
  return `You already have a list called “${name.trim()}”. Pick another name.`;
}

/** The name of the list `shown` names ("inbox", an id, or "" for every list); null when unknown. */
export function listLabel(shown: string, lists: List[] | null): string | null {
  if (shown === "") return null;
  if (shown === "inbox") return "Inbox";
  return lists?.find((list) => String(list.id) === shown)?.name ?? null;
}

/** Where the board is, as the sidebar names it: a list, the Inbox, or a view of every list. */
export function placeLabel(shown: string, view: View, lists: List[] | null): string {
  if (shown !== "") return listLabel(shown, lists) ?? "A list";
  return view === "today" ? "Today" : view === "upcoming" ? "Upcoming" : "All tasks";
}

/** What is announced after a task was dropped on a list (null: the Inbox). */
export function moveMessage(title: string, to: string | null): string {
  return `Moved “${title}” to ${to ?? "the Inbox"}`;
}

/** What the delete confirmation says happens to the list's open tasks. */
export function deleteWarning(list: Pick<List, "name" | "task_count">): string {
  const n = list.task_count;
  if (n === 0) return `Delete “${list.name}”? It has no open tasks; any done ones move to the Inbox.`;
  return `Delete “${list.name}”? Its ${n} open ${n === 1 ? "task moves" : "tasks move"} to the Inbox (done ones too).`;
}
