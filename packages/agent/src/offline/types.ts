export interface KnownTask {
  id: number;
  title: string;
  completed?: boolean;
  priority?: string;
  tags?: string[];
  due_at?: string | null;
}

export type ToolName = "add_task" | "list_tasks" | "complete_task" | "delete_task" | "update_task";

export type BulkAction = "complete" | "delete" | "reopen";

/** The same tool on several tasks, done in full or not at all (see offline-agent.ts). */
export interface BatchPlan {
  kind: "batch";
  action: BulkAction;
  tool: "complete_task" | "delete_task" | "update_task";
  calls: Record<string, unknown>[];
  tasks: { id: number; title: string }[];
  /** Said with the result, e.g. that some tasks of the set were already done. */
  note?: string;
}

export type OfflinePlan =
  | { kind: "tool"; tool: ToolName; arguments: Record<string, unknown> }
  | BatchPlan
  | { kind: "clarify"; reply: string; candidates: KnownTask[] }
  | { kind: "reply"; reply: string };

export interface TurnContext {
  now: Date;
  tasks: KnownTask[];
  timeZone?: string;
  /** Earlier messages of the conversation, oldest first (only a pending confirmation is read from it). */
  history?: readonly { role: "user" | "assistant"; content: string }[];
}

export type Priority = "none" | "low" | "medium" | "high";
