import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { getOverviewArgs, overviewResult, TOOL } from "@taskflow/contracts/mcp-tools";
import { getOverview } from "@taskflow/core/tasks";
import { HINTS } from "./hints";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerGetOverviewTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.getOverview,
    {
      title: "Overview",
      description:
        "How the user is doing: counts (open, completed, completed today, overdue, due today, in the trash), the overdue tasks, what is due later today and the next tasks due after today. Today and overdue are in the user's time zone. Use it for 'how am I doing', 'what's overdue', 'what's next'.",
      inputSchema: getOverviewArgs,
      outputSchema: overviewResult,
      annotations: HINTS.readOnly,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => toolResult(await getOverview(context.db, context.userId)));
    },
  );
}
