import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { TOOL, taskActionResult, taskRefArgs } from "@taskflow/contracts/mcp-tools";
import { updateTask } from "@taskflow/core/tasks";
import { actionResult } from "./action-result";
import { HINTS } from "./hints";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerCompleteTaskTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.completeTask,
    {
      title: "Complete task",
      description: `Mark a task as done (a task already done stays done). A repeating task moves to its next due instead and stays open (the result gives it), so call it once per completion. Use ${TOOL.updateTask} with completed=false to reopen.`,
      inputSchema: taskRefArgs,
      outputSchema: taskActionResult,
      annotations: HINTS.completes,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const task = await updateTask(context.db, context.userId, args.task_id, { completed: true });
        return toolResult(actionResult(task, "completed"));
      });
    },
  );
}
