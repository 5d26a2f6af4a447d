import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { TOOL, taskActionResult, taskRefArgs } from "@taskflow/contracts/mcp-tools";
import { restoreTask } from "@taskflow/core/tasks";
import { actionResult } from "./action-result";
import { HINTS } from "./hints";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerRestoreTaskTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.restoreTask,
    {
      title: "Restore task",
      description: `Bring a deleted task back from the trash (${TOOL.listTasks} with status 'deleted' shows the trash).`,
      inputSchema: taskRefArgs,
      outputSchema: taskActionResult,
      annotations: HINTS.write,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(
        context,
        args,
        async () => {
          const task = await restoreTask(context.db, context.userId, args.task_id);
          return toolResult(actionResult(task, "restored"));
        },
        { suggest: "deleted" },
      );
    },
  );
}
