import type { TOOL, ToolName } from "@taskflow/contracts/mcp-tools";

export interface KnownTask {
  id: number;
  title: string;
  completed?: boolean;
  priority?: string;
  tags?: string[];
  due_at?: string | null;
  /** The rule in words when the task repeats (list_tasks' `recurrence_text`). */
  recurrence_text?: string | null;
  remind_at?: string | null;
  /** The name of the task's list, or null: the Inbox (list_tasks' `list`). */
  list?: string | null;
}

/** One of the user's lists (list_lists' items). */
export interface KnownList {
  name: string;
  /** Its open tasks, when known. */
  task_count?: number;
}

export type { ToolName };

/** One tool call of a plan. */
export interface Step {
  tool: ToolName;
  arguments: Record<string, unknown>;
}

/**
 * Several changes done in full or not at all (see offline-agent.ts): the actions of one message ("complete
 * 3 and delete 4"), or the reversal of the conversation's last change ("undo").
 */
export interface StepsPlan {
  kind: "steps";
  purpose: "several" | "undo";
  steps: Step[];
}

/** A tool call as the conversation stored it (the agent's ToolCallRecord). */
export interface StoredCall {
  tool: string;
  arguments: Record<string, unknown>;
  result: unknown;
  is_error?: boolean;
}

export interface StoredMessage {
  role: "user" | "assistant";
  content: string;
  toolCalls?: readonly StoredCall[];
}

export type BulkAction = "complete" | "delete" | "reopen";

/** The same tool on several tasks, done in full or not at all (see offline-agent.ts). */
export interface BatchPlan {
  kind: "batch";
  action: BulkAction;
  tool: typeof TOOL.completeTask | typeof TOOL.deleteTask | typeof TOOL.updateTask;
  calls: Record<string, unknown>[];
  tasks: { id: number; title: string }[];
  /** Said with the result, e.g. that some tasks of the set were already done. */
  note?: string;
}

/**
 * How a listing is shown: by due (a time window), what to work on next (overdue first, then due soonest,
 * then high priority), or the tasks completed in a span of local days.
 */
export type ListView =
  | { kind: "by_due" }
  | { kind: "next" }
  /** Completed on local days `from` (inclusive) to `to` (exclusive), said as `label` ("today"). */
  | { kind: "completed_in"; from: string; to: string; label: string }
  /** The open tasks of one list (or the Inbox), named as `name`. */
  | { kind: "in_list"; name: string };

export type OfflinePlan =
  | { kind: "tool"; tool: ToolName; arguments: Record<string, unknown>; view?: ListView }
  | BatchPlan
  | StepsPlan
  | { kind: "clarify"; reply: string; candidates: KnownTask[] }
  | { kind: "reply"; reply: string };

export interface TurnContext {
  now: Date;
  /**
   * The user's tasks, for resolving "the report" or "milk". Left out, the plan is made without them until a
   * stage needs them: then the result is `NeedsTasks` (see known-tasks.ts).
   */
  tasks?: KnownTask[];
  timeZone?: string;
  /**
   * Earlier messages of the conversation, oldest first, with the assistant's stored tool calls: read for a
   * pending confirmation, follow-ups ("the first one", "both") and "undo".
   */
  history?: readonly StoredMessage[];
  /**
   * The user's lists, for "add milk to Groceries" or "what's in Work?". Left out, a stage that needs them
   * stops the plan with `NeedsLists` (see known-tasks.ts), as for the tasks.
   */
  lists?: readonly KnownList[];
  /**
   * The user's answer to "You have no list called X: create it, or add the task to the Inbox?", when the
   * question's add is planned again (plan-lists.ts).
   */
  missingList?: { name: string; answer: "create" | "inbox" };
}

/** The plan could not be made without the user's task list: fetch it and plan again with `tasks`. */
export interface NeedsTasks {
  kind: "needs-tasks";
}

/** The plan could not be made without the user's lists: fetch them (list_lists) and plan again with `lists`. */
export interface NeedsLists {
  kind: "needs-lists";
}

export type Priority = "none" | "low" | "medium" | "high";
