import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { listTasksQuery } from "@taskflow/contracts";
import { listTasksArgs, listTasksResult, TOOL } from "@taskflow/contracts/mcp-tools";
import { listTaskSummaries } from "@taskflow/core/tasks";
import { HINTS } from "./hints";
import { listIdOf } from "./list-arg";
import { contextOf, parseArgs, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerListTasksTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.listTasks,
    {
      title: "List tasks",
      description:
        "List the user's tasks, newest first, optionally filtered by status, priority, tag, text, due date or list (by name; inbox: in no list). Each task says its list.",
      inputSchema: listTasksArgs,
      outputSchema: listTasksResult,
      annotations: HINTS.readOnly,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const query = parseArgs(listTasksQuery, {
          status: args.status,
          priority: args.priority,
          tag: args.tag,
          q: args.query,
          due_before: args.due_before,
          due_after: args.due_after,
          list: await listIdOf(context, args.list).then((id) => (id === null ? "inbox" : id)),
          limit: args.limit,
        });
        const tasks = await listTaskSummaries(context.db, context.userId, query);
        return toolResult({ tasks });
      });
    },
  );
}
