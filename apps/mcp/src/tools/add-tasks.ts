import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createTaskBody } from "@taskflow/contracts";
import { addTasksArgs, bulkResult, MAX_BULK_ITEMS, TOOL } from "@taskflow/contracts/mcp-tools";
import { createTasks } from "@taskflow/core/tasks";
import { allOrNothing, bulkResultOf, parseItems } from "./bulk";
import { HINTS } from "./hints";
import { listIdsOf } from "./list-arg";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerAddTasksTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.addTasks,
    {
      title: "Add several tasks",
      description: `Create up to ${MAX_BULK_ITEMS} tasks in one call, all or none: if any item is invalid nothing is created and the error names the item. Returns one result per task, in order.`,
      inputSchema: addTasksArgs,
      outputSchema: bulkResult,
      annotations: HINTS.write,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, () =>
        allOrNothing(async () => {
          const listIds = await listIdsOf(context, args.tasks, "tasks");
          const inputs = parseItems(args.tasks, "tasks", createTaskBody, (item, index) => ({
            title: item.title,
            description: item.description,
            priority: item.priority,
            tags: item.tags,
            due_at: item.due,
            recurrence: item.recurrence,
            remind_at: item.remind_at,
            list_id: listIds[index],
          }));
          const created = await createTasks(context.db, context.userId, inputs);
          return toolResult(bulkResultOf(created, "created"));
        }),
      );
    },
  );
}
