export interface KnownTask {
  id: number;
  title: string;
  completed?: boolean;
  priority?: string;
  tags?: string[];
  due_at?: string | null;
}

export type ToolName = "add_task" | "list_tasks" | "complete_task" | "delete_task" | "update_task";

export type OfflinePlan =
  | { kind: "tool"; tool: ToolName; arguments: Record<string, unknown> }
  | { kind: "clarify"; reply: string; candidates: KnownTask[] }
  | { kind: "reply"; reply: string };

export interface TurnContext {
  now: Date;
  tasks: KnownTask[];
  timeZone?: string;
}

export type Priority = "none" | "low" | "medium" | "high";
