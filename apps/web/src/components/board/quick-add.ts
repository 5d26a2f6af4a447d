// Quick add: marks typed in the title ("buy milk tomorrow 9am #groceries !high") read by the api
// (POST /api/tasks/parse), and how the parsed marks and the form's own fields make one task.
import type { CreateTaskRequest, ParsedTask } from "@taskflow/contracts";
import { draftBody, type TaskDraft } from "./task-draft";

/** What the api made of the title so far. `text` is the title it was made from. */
export type QuickParse =
  | { kind: "idle" }
  | { kind: "parsing"; text: string }
  | { kind: "parsed"; text: string; result: ParsedTask }
  /** The api read the marks and refused them (an impossible date): say why, add nothing. */
  | { kind: "invalid"; text: string; message: string }
  /** No answer that can be trusted (network, 5xx, an api without the route): the text is the title. */
  | { kind: "unavailable"; text: string };

/** Whether the parse found anything beyond the words themselves (worth showing as chips). */
export function hasMarks(parse: QuickParse): parse is Extract<QuickParse, { kind: "parsed" }> {
  if (parse.kind !== "parsed") return false;
  const { result } = parse;
  return Boolean(
    result.priority || result.tags?.length || result.due_at || result.recurrence || result.remind_at,
  );
}

/**
 * The body for POST /api/tasks: the parsed title and marks, except where the form's own controls were
 * set (a priority other than None, tags, a due date), which win. Without a parse the text is the title.
 */
export function quickAddBody(draft: TaskDraft, parsed: ParsedTask | null) {
  const body = draftBody(draft);
  if (!parsed) return body;
  return {
    ...body,
    title: parsed.title.trim() || body.title,
    priority: body.priority !== "none" ? body.priority : (parsed.priority ?? body.priority),
    tags: body.tags.length > 0 ? body.tags : (parsed.tags ?? []),
    due_at: body.due_at ?? parsed.due_at ?? null,
    // A repeat or reminder typed in the line ("every saturday at 9, remind me at 8:30"), unless the form
    // set its own; the reminder only with the parsed due it was counted from.
    ...(body.recurrence === undefined && parsed.recurrence ? { recurrence: parsed.recurrence } : {}),
    ...(body.remind_at === undefined && body.due_at === null && parsed.remind_at
      ? { remind_at: parsed.remind_at }
      : {}),
  } satisfies CreateTaskRequest;
}

/** The parsed marks the form's controls override (shown struck through, so nobody is surprised). */
export function overridden(draft: TaskDraft): {
  priority: boolean;
  tags: boolean;
  due: boolean;
  repeat: boolean;
} {
  return {
    priority: draft.priority !== "none",
    tags: draft.tags.trim() !== "",
    due: draft.due !== "",
    repeat: draft.repeat.trim() !== "",
  };
}
