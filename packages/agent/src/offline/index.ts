export { describeToolResult } from "./describe-result.js";
export { planOfflineTurn } from "./parse-command.js";
export { HELP_TEXT } from "./replies.js";
export type { BatchPlan, KnownTask, OfflinePlan, ToolName, TurnContext } from "./types.js";
