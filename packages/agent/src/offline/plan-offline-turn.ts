import { ListsNeeded, TasksNeeded } from "./known-tasks.js";
import { runTurn } from "./stages.js";
import type { KnownList, KnownTask, NeedsLists, NeedsTasks, OfflinePlan, TurnContext } from "./types.js";

/**
 * Plans one chat turn without an LLM, through the ordered stages of stages.ts. With the user's tasks and
 * lists in `ctx` the answer is always a plan; without them it is `{ kind: "needs-tasks" }` (or
 * `"needs-lists"`) when a stage needs them, and the caller plans again with them (see known-tasks.ts).
 */
export function planOfflineTurn(
  message: string,
  ctx: TurnContext & { tasks: KnownTask[]; lists: readonly KnownList[] },
): OfflinePlan;
export function planOfflineTurn(message: string, ctx: TurnContext): OfflinePlan | NeedsTasks | NeedsLists;
export function planOfflineTurn(message: string, ctx: TurnContext): OfflinePlan | NeedsTasks | NeedsLists {
  try {
    return runTurn(message, ctx).plan;
  } catch (error) {
    if (error instanceof TasksNeeded) return { kind: "needs-tasks" };
    if (error instanceof ListsNeeded) return { kind: "needs-lists" };
    throw error;
  }
}
