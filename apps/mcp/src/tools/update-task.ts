import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { updateTaskBody } from "@taskflow/contracts";
import { TOOL, taskActionResult, updateTaskArgs } from "@taskflow/contracts/mcp-tools";
import { updateTask } from "@taskflow/core/tasks";
import { actionResult } from "./action-result";
import { HINTS } from "./hints";
import { listIdOf } from "./list-arg";
import { taskFieldsOf } from "./task-fields";
import { contextOf, parseArgs, runTool, type ToolDeps, toolResult } from "./tool-context";

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
        const input = parseArgs(updateTaskBody, taskFieldsOf(args, await listIdOf(context, args.list)));
        const task = await updateTask(context.db, context.userId, args.task_id, input);
        return toolResult(actionResult(task, "updated"));
      });
    },
  );
}
