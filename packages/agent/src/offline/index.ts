export { describeToolResult } from "./describe-result.js";
export { inverseOf } from "./inverse.js";
export { planOfflineTurn } from "./plan-offline-turn.js";
export { HELP_TEXT } from "./replies.js";
export type {
  BatchPlan,
  KnownList,
  KnownTask,
  NeedsLists,
  NeedsTasks,
  OfflinePlan,
  Step,
  ToolName,
  TurnContext,
} from "./types.js";
