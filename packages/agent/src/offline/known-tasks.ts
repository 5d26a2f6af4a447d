/**
 * The user's task list, read explicitly. The caller may plan a turn without it (fetching it costs a tool
 * call, and most adds never look at it); a stage that must read it calls `tasksOf`, which then stops the
 * plan with `TasksNeeded`. The runner turns that into the result `{ kind: "needs-tasks" }`, and the caller
 * fetches the list and plans again. A plan finished without the list never depended on it. The user's lists
 * (list_lists) are read the same way, through `listsOf`.
 */
import type { KnownList, KnownTask, TurnContext } from "./types.js";

/** Thrown by `tasksOf` only; caught by the stage runner (plan-offline-turn.ts), never by a stage. */
export class TasksNeeded extends Error {
  constructor() {
    super("this turn needs the user's task list");
    this.name = "TasksNeeded";
  }
}

/** The user's tasks, or `TasksNeeded` when the caller has not supplied them yet. */
export function tasksOf(ctx: TurnContext): KnownTask[] {
  if (ctx.tasks === undefined) throw new TasksNeeded();
  return ctx.tasks;
}

/** Thrown by `listsOf` only; caught by the stage runner (plan-offline-turn.ts), never by a stage. */
export class ListsNeeded extends Error {
  constructor() {
    super("this turn needs the user's lists");
    this.name = "ListsNeeded";
  }
}

/**
 * The user's lists, or `ListsNeeded` when the caller has not supplied them yet. Only a turn that names a
 * list, or might ("add milk to Groceries", "what's in Work?"), reads them.
 */
export function listsOf(ctx: TurnContext): readonly KnownList[] {
  if (ctx.lists === undefined) throw new ListsNeeded();
  return ctx.lists;
}
