import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createListBody } from "@taskflow/contracts";
import { createListArgs, listResult, TOOL } from "@taskflow/contracts/mcp-tools";
import { createList } from "@taskflow/core/lists";
import { HINTS } from "./hints";
import { contextOf, parseArgs, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerCreateListTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.createList,
    {
      title: "Create list",
      description:
        "Create a new, empty list (project). Names are unique per user whatever their case; a name already " +
        `used is an error. Then give its name as \`list\` to ${TOOL.addTask} or ${TOOL.updateTask}.`,
      inputSchema: createListArgs,
      outputSchema: listResult,
      annotations: HINTS.write,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const input = parseArgs(createListBody, { name: args.name });
        return toolResult({ ...(await createList(context.db, context.userId, input)) });
      });
    },
  );
}
