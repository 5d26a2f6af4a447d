import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { deleteListArgs, deleteListResult, TOOL } from "@taskflow/contracts/mcp-tools";
import { deleteList, listLists } from "@taskflow/core/lists";
import { HINTS } from "./hints";
import { existingListId } from "./list-by-name";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerDeleteListTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.deleteList,
    {
      title: "Delete list",
      description:
        "Delete one of the user's lists, given by name. Its tasks are kept: they move to the Inbox (no list). " +
        "It cannot be undone by a tool; confirm with the user first.",
      inputSchema: deleteListArgs,
      outputSchema: deleteListResult,
      annotations: HINTS.destructive,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const id = await existingListId(context, args.list, "deleted");
        // The name and open count as they were, for the reply ("its 3 open tasks are in the Inbox now").
        const list = (await listLists(context.db, context.userId)).find((l) => l.id === id);
        await deleteList(context.db, context.userId, id);
        return toolResult({ id, name: list?.name ?? args.list, open_tasks_moved: list?.task_count ?? 0 });
      });
    },
  );
}
