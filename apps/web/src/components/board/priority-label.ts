import type { TaskPriority } from "@taskflow/contracts";

/** How each priority reads on the board (the values and their order are TASK_PRIORITIES). */
export const PRIORITY_LABEL: Record<TaskPriority, string> = {
  none: "No priority",
  low: "Low",
  medium: "Medium",
  high: "High",
};
