import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { bulkResult, completeTasksArgs, MAX_BULK_ITEMS, TOOL } from "@taskflow/contracts/mcp-tools";
import { completeTasks } from "@taskflow/core/tasks";
import { allOrNothing, bulkResultOf } from "./bulk";
import { HINTS } from "./hints";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerCompleteTasksTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.completeTasks,
    {
      title: "Complete several tasks",
      description: `Mark up to ${MAX_BULK_ITEMS} tasks as done in one call, all or none: if any id is unknown nothing changes and the error names it. Tasks already done stay done; a repeating task moves to its next due and stays open.`,
      inputSchema: completeTasksArgs,
      outputSchema: bulkResult,
      annotations: HINTS.completes,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, () =>
        allOrNothing(async () => {
          const completed = await completeTasks(context.db, context.userId, args.task_ids);
          return toolResult(bulkResultOf(completed, "completed"));
        }),
      );
    },
  );
}
