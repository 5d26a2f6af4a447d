import { TasksNeeded } from "./known-tasks.js";
import { runTurn } from "./stages.js";
import type { KnownTask, NeedsTasks, OfflinePlan, TurnContext } from "./types.js";

/**
 * Plans one chat turn without an LLM, through the ordered stages of stages.ts. With the user's tasks in
 * `ctx` the answer is always a plan; without them it is `{ kind: "needs-tasks" }` when a stage needs them,
 * and the caller plans again with the list (see known-tasks.ts).
 */
export function planOfflineTurn(message: string, ctx: TurnContext & { tasks: KnownTask[] }): OfflinePlan;
export function planOfflineTurn(message: string, ctx: TurnContext): OfflinePlan | NeedsTasks;
export function planOfflineTurn(message: string, ctx: TurnContext): OfflinePlan | NeedsTasks {
  try {
    return runTurn(message, ctx).plan;
  } catch (error) {
    if (error instanceof TasksNeeded) return { kind: "needs-tasks" };
    throw error;
  }
}
