import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { listListsArgs, listListsResult, TOOL } from "@taskflow/contracts/mcp-tools";
import { listLists } from "@taskflow/core/lists";
import { HINTS } from "./hints";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerListListsTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.listLists,
    {
      title: "List lists",
      description:
        "The user's lists (projects), by name, each with its count of open tasks. Give a list's name as " +
        `\`list\` to ${TOOL.addTask}, ${TOOL.updateTask} or ${TOOL.listTasks}; tasks in no list are in the Inbox.`,
      inputSchema: listListsArgs,
      outputSchema: listListsResult,
      annotations: HINTS.readOnly,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () =>
        toolResult({ lists: await listLists(context.db, context.userId) }),
      );
    },
  );
}
