// A task as its form holds it, and how it becomes the api's body. Shared by the add form and inline edit.
import {
  type CreateTaskRequest,
  DESCRIPTION_MAX_LENGTH,
  descriptionSchema,
  type FieldError,
  parseDateInput,
  type Task,
  type TaskPriority,
  TITLE_MAX_LENGTH,
  titleSchema,
} from "@taskflow/contracts";
import { parseRecurrenceRule } from "@taskflow/contracts/recurrence";
import { parseRecurrencePhrase } from "@taskflow/contracts/recurrence-phrase";
import { dueInputs } from "../../lib/dates";
import { type RemindChoice, remindFromTask, remindWall } from "../../lib/reminders";
import { parseTags, tagsError } from "./tag-input";

/**
 * `due` and `time` are what the date and time inputs hold, in the user's zone. `stored` is the due the
 * inputs were filled from: while they still show it, it is sent back as it is (so a timed due keeps its
 * exact instant, whatever happens to the zone meanwhile).
 */
export type TaskDraft = {
  title: string;
  description: string;
  priority: TaskPriority;
  tags: string;
  due: string;
  time: string;
  stored?: { due: string; time: string; dueAt: string };
  /** How it repeats: a phrase ("every weekday") or an RRULE; "" for no repeat. */
  repeat: string;
  remind: RemindChoice;
  /** The custom reminder's wall time (`YYYY-MM-DDTHH:MM`, the user's zone). */
  remindAt: string;
  /** The list it goes in: a list id, or "" for the Inbox. */
  list: string;
  /** What an existing task's repeat, reminder and list fields were filled from (unchanged ones are not sent). */
  initial?: {
    repeat: string;
    remind: RemindChoice;
    remindAt: string;
    due: string;
    time: string;
    list: string;
  };
};
export type DraftErrors = Partial<
  Record<Exclude<keyof TaskDraft, "stored" | "initial" | "remindAt">, string>
>;

export const EMPTY_DRAFT: TaskDraft = {
  title: "",
  description: "",
  priority: "none",
  tags: "",
  due: "",
  time: "",
  repeat: "",
  remind: "none",
  remindAt: "",
  list: "",
};

/** An empty draft for the add form while `shown` is the board's list ("", "inbox" or an id): it goes there. */
export function draftIn(shown: string): TaskDraft {
  return { ...EMPTY_DRAFT, list: shown === "inbox" ? "" : shown };
}

/**
 * The add form moved from one draft to another (`to`: cleared as its task is sent, or the task put back
 * when the add fails), except what the user changed since it showed `from` (typing on, another list),
 * which stays as they left it: a late answer wipes no one's work.
 */
export function draftKeepingEdits(current: TaskDraft, from: TaskDraft, to: TaskDraft): TaskDraft {
  const next: TaskDraft = { ...to };
  for (const key of Object.keys(current) as (keyof TaskDraft)[])
    if (current[key] !== from[key]) Object.assign(next, { [key]: current[key] });
  return next;
}

export function draftFromTask(task: Task, timeZone: string): TaskDraft {
  const { date, time } = dueInputs(task.due_at, timeZone);
  const repeat = task.recurrence_text ?? task.recurrence ?? "";
  const remind = remindFromTask(task.remind_at, task.due_at, timeZone);
  const list = task.list_id === null ? "" : String(task.list_id);
  return {
    list,
    repeat,
    remind: remind.choice,
    remindAt: remind.at,
    initial: { repeat, remind: remind.choice, remindAt: remind.at, due: date, time, list },
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags.join(", "),
    due: date,
    time,
    ...(task.due_at ? { stored: { due: date, time, dueAt: task.due_at } } : {}),
  };
}

/**
 * What the api would refuse in this draft, said for the person filling the form. Title, notes and tags
 * are checked with the api's own schemas (the contracts); only the wording is the form's.
 */
export function validateDraft(draft: TaskDraft): DraftErrors {
  const errors: DraftErrors = {};
  const title = titleSchema.safeParse(draft.title).error?.issues[0];
  if (title?.code === "too_small") errors.title = "Give the task a title.";
  else if (title?.code === "too_big")
    errors.title = `The title is ${draft.title.length} characters; the most is ${TITLE_MAX_LENGTH}. Shorten it (nothing was cut).`;
  else if (title) errors.title = `Title ${title.message}.`;
  const description = descriptionSchema.safeParse(draft.description).error?.issues[0];
  if (description?.code === "too_big")
    errors.description = `Keep notes under ${DESCRIPTION_MAX_LENGTH} characters.`;
  else if (description) errors.description = `Notes ${description.message}.`;
  const tags = tagsError(draft.tags);
  if (tags) errors.tags = tags;
  if (draft.due && !/^\d{4}-\d{2}-\d{2}$/.test(draft.due)) errors.due = "Pick a valid date.";
  if (draft.time && !/^\d{2}:\d{2}$/.test(draft.time)) errors.time = "Pick a valid time, or leave it empty.";
  else if (draft.time && !draft.due) errors.time = "Pick a date to go with the time.";
  const repeat = draftRecurrence(draft);
  if (repeat && !understoodRepeat(repeat))
    errors.repeat = `Repeat: “${repeat.slice(0, 60)}” is not a repeat we know. Try “every weekday”, “every 2 weeks on friday” or “on the 1st of every month”.`;
  if (draft.remind === "custom" && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(draft.remindAt))
    errors.remind = "Pick the date and time to be reminded at.";
  else if (draft.remind !== "none" && draft.remind !== "custom" && !draft.due)
    errors.remind = "Pick a due date to be reminded before it, or a date and time.";
  return errors;
}

/**
 * The due to send: a date alone is an all-day task (`YYYY-MM-DD`); a date and a time is a wall-clock
 * time (`YYYY-MM-DDTHH:MM`, no offset) that the api reads in the user's zone.
 */
export function draftDue(draft: TaskDraft): string | null {
  const { stored } = draft;
  if (stored && stored.due === draft.due && stored.time === draft.time) return stored.dueAt;
  if (!draft.due) return null;
  return draft.time ? `${draft.due}T${draft.time}` : draft.due;
}

/** Whether the api will read this as a repeat: an RRULE, or nothing but a repeat phrase (as core does). */
export function understoodRepeat(input: string): boolean {
  if (parseRecurrenceRule(input).ok) return true;
  const text = input.trim().replace(/[.!]+$/, "");
  const phrase = parseRecurrencePhrase(text);
  return phrase !== null && phrase.start === 0 && phrase.end === text.length;
}

/**
 * `recurrence` to send: the typed phrase or rule, null to stop repeating, undefined to leave it as it
 * is (an edit that did not touch the field, or a new task without one).
 */
export function draftRecurrence(draft: TaskDraft): string | null | undefined {
  const repeat = draft.repeat.trim();
  if (draft.initial) {
    if (repeat === draft.initial.repeat.trim()) return undefined;
    return repeat || null;
  }
  return repeat || undefined;
}

/** `remind_at` to send (a wall time in the user's zone), null for none, undefined to leave it be. */
export function draftRemindAt(draft: TaskDraft): string | null | undefined {
  const { initial } = draft;
  if (
    initial &&
    initial.remind === draft.remind &&
    initial.remindAt === draft.remindAt &&
    (draft.remind === "custom" || (initial.due === draft.due && initial.time === draft.time))
  )
    return undefined;
  if (draft.remind === "none") return initial ? null : undefined;
  if (draft.remind === "custom") return draft.remindAt || null;
  return remindWall(draft.remind, draft.due, draft.time);
}

/** `list_id` to send: a list id, null for the Inbox, undefined to leave it (unchanged, or a new task's Inbox). */
export function draftListId(draft: TaskDraft): number | null | undefined {
  if (draft.initial ? draft.list === draft.initial.list : draft.list === "") return undefined;
  return draft.list === "" ? null : Number(draft.list);
}

/** The JSON body for POST/PATCH /api/tasks. */
export function draftBody(draft: TaskDraft) {
  const recurrence = draftRecurrence(draft);
  const remindAt = draftRemindAt(draft);
  const listId = draftListId(draft);
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    priority: draft.priority,
    tags: parseTags(draft.tags),
    due_at: draftDue(draft),
    ...(recurrence !== undefined ? { recurrence } : {}),
    ...(remindAt !== undefined ? { remind_at: remindAt } : {}),
    ...(listId !== undefined ? { list_id: listId } : {}),
  } satisfies CreateTaskRequest;
}

/** Is this due a wall-clock time (no offset), which the api reads in the user's stored zone? */
export function isWallTime(due: string | null | undefined): boolean {
  return due ? parseDateInput(due)?.kind === "wall" : false;
}

/** Does sending this draft need the user's zone to be settled (a wall time the api reads in it)? */
export function sendsWallTime(draft: TaskDraft): boolean {
  return isWallTime(draftDue(draft)) || isWallTime(draftRemindAt(draft));
}

/** Maps the api's validation errors ({field: "due_at"}) onto the draft's fields. */
export function apiFieldErrors(errors: FieldError[]): DraftErrors {
  const mapped: DraftErrors = {};
  for (const { field, message } of errors) {
    const key = field.replace(/^body\./, "").split(".")[0];
    if (key === "title" || key === "description" || key === "priority" || key === "tags")
      mapped[key] = `${capitalize(key)} ${message}`;
    // The api's wording names formats (ISO-8601); the person picked a date and a time.
    else if (key === "due_at") mapped.due = "Pick a valid date and time.";
    else if (key === "recurrence") mapped.repeat = `Repeat: ${message}`;
    else if (key === "remind_at") mapped.remind = `Reminder: ${message}`;
    else if (key === "list_id") mapped.list = `List: ${message}`;
  }
  return mapped;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
