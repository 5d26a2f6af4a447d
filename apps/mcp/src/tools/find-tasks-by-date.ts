import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { findTasksByDateArgs, findTasksByDateResult, TOOL } from "@taskflow/contracts/mcp-tools";
import { findTasksByDate } from "@taskflow/core/tasks";
import { HINTS } from "./hints";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerFindTasksByDateTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.findTasksByDate,
    {
      title: "Find tasks by date",
      description:
        "What is due between two days, both included, read in the user's time zone (from = to for one day), " +
        "soonest first. Open tasks unless status says otherwise.",
      inputSchema: findTasksByDateArgs,
      outputSchema: findTasksByDateResult,
      annotations: HINTS.readOnly,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const found = await findTasksByDate(context.db, context.userId, {
          from: args.from,
          to: args.to,
          status: args.status ?? "pending",
          limit: args.limit ?? 50,
        });
        return toolResult(found);
      });
    },
  );
}
