import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { updateTaskBody } from "@taskflow/contracts";
import { bulkResult, MAX_BULK_ITEMS, TOOL, updateTasksArgs } from "@taskflow/contracts/mcp-tools";
import { updateTasks } from "@taskflow/core/tasks";
import { allOrNothing, bulkResultOf, parseItems } from "./bulk";
import { HINTS } from "./hints";
import { listIdsOf } from "./list-arg";
import { taskFieldsOf } from "./task-fields";
import { contextOf, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerUpdateTasksTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.updateTasks,
    {
      title: "Update several tasks",
      description: `Change up to ${MAX_BULK_ITEMS} tasks in one call (each item: task_id plus the fields to change, as in ${TOOL.updateTask}), all or none: if any item is invalid or its task unknown, nothing changes and the error names the item.`,
      inputSchema: updateTasksArgs,
      outputSchema: bulkResult,
      annotations: HINTS.completes,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, () =>
        allOrNothing(async () => {
          const listIds = await listIdsOf(context, args.tasks, "tasks");
          const changes = parseItems(args.tasks, "tasks", updateTaskBody, (item, index) =>
            taskFieldsOf(item, listIds[index]),
          );
          const items = args.tasks.map((item, index) => ({
            taskId: item.task_id,
            changes: changes[index] ?? {},
          }));
          const updated = await updateTasks(context.db, context.userId, items);
          return toolResult(bulkResultOf(updated, "updated"));
        }),
      );
    },
  );
}
