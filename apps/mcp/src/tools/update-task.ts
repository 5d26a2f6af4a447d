import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { updateTaskBody } from "@taskflow/contracts";
import { TOOL, taskActionResult, updateTaskArgs } from "@taskflow/contracts/mcp-tools";
import { updateTask } from "@taskflow/core/tasks";
import { actionResult } from "./action-result";
import { HINTS } from "./hints";
import { listIdOf } from "./list-arg";
import { contextOf, parseArgs, runTool, type ToolDeps, toolResult } from "./tool-context";

/**
 * The changes an update_task call (or an update_tasks item) asks for, named as the core schema names them;
 * `listId` is the id its `list` argument names (`listIdOf`).
 */
export function taskChanges(
  args: {
    title?: string | undefined;
    description?: string | undefined;
    priority?: string | undefined;
    tags?: string[] | undefined;
    due?: string | null | undefined;
    recurrence?: string | null | undefined;
    remind_at?: string | null | undefined;
    completed?: boolean | undefined;
  },
  listId?: number | null,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      title: args.title,
      description: args.description,
      priority: args.priority,
      tags: args.tags,
      due_at: args.due,
      recurrence: args.recurrence,
      remind_at: args.remind_at,
      completed: args.completed,
      list_id: listId,
    }).filter(([, value]) => value !== undefined),
  );
}

export function registerUpdateTaskTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.updateTask,
    {
      title: "Update task",
      description:
        "Change a task's title, description, priority, tags (replaces them), due date (null clears), repeat " +
        "(recurrence; null stops repeating), reminder (remind_at; null clears), list (by name; inbox: none) or completion.",
      inputSchema: updateTaskArgs,
      outputSchema: taskActionResult,
      annotations: HINTS.completes,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const input = parseArgs(updateTaskBody, taskChanges(args, await listIdOf(context, args.list)));
        const task = await updateTask(context.db, context.userId, args.task_id, input);
        return toolResult(actionResult(task, "updated"));
      });
    },
  );
}
