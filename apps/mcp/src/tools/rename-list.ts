import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { renameListBody } from "@taskflow/contracts";
import { listResult, renameListArgs, TOOL } from "@taskflow/contracts/mcp-tools";
import { renameList } from "@taskflow/core/lists";
import { HINTS } from "./hints";
import { existingListId } from "./list-by-name";
import { contextOf, parseArgs, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerRenameListTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.renameList,
    {
      title: "Rename list",
      description:
        "Rename one of the user's lists, given by its current name; its tasks stay in it. A name another of " +
        "the user's lists already has (whatever its case) is an error.",
      inputSchema: renameListArgs,
      outputSchema: listResult,
      annotations: HINTS.rename,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const input = parseArgs(renameListBody, { name: args.name });
        const id = await existingListId(context, args.list, "renamed");
        return toolResult({ ...(await renameList(context.db, context.userId, id, input)) });
      });
    },
  );
}
