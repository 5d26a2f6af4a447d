import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { TOOL, taskActionResult, taskRefArgs } from "@taskflow/contracts/mcp-tools";
import { deleteTask } from "@taskflow/core/tasks";
import { actionResult } from "./action-result";
import { HINTS } from "./hints";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerDeleteTaskTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.deleteTask,
    {
      title: "Delete task",
      description: `Move a task to the trash. ${TOOL.restoreTask} brings it back within 30 days.`,
      inputSchema: taskRefArgs,
      outputSchema: taskActionResult,
      annotations: HINTS.destructive,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const task = await deleteTask(context.db, context.userId, args.task_id);
        return toolResult(actionResult(task, "deleted"));
      });
    },
  );
}
