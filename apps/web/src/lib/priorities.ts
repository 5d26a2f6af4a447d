import type { Task } from "@taskflow/contracts";

export type Priority = Task["priority"];

// Same order as TASK_PRIORITIES in @taskflow/db/schema; kept here so the client bundle does not
// import the Drizzle schema. `satisfies` makes the compiler catch drift.
export const PRIORITIES = ["none", "low", "medium", "high"] as const satisfies readonly Priority[];

export const PRIORITY_LABEL: Record<Priority, string> = {
  none: "No priority",
  low: "Low",
  medium: "Medium",
  high: "High",
};
