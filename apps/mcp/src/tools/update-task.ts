import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { updateTaskBody } from "@taskflow/contracts";
import { taskActionResult, updateTaskArgs } from "@taskflow/contracts/mcp-tools";
import { updateTask } from "@taskflow/core/tasks";
import { contextOf, parseArgs, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerUpdateTaskTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    "update_task",
    {
      title: "Update task",
      description:
        "Change a task's title, description, priority, tags (replaces them), due date (null clears) or completion.",
      inputSchema: updateTaskArgs,
      outputSchema: taskActionResult,
      annotations: {
        readOnlyHint: false,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const changes = Object.fromEntries(
          Object.entries({
            title: args.title,
            description: args.description,
            priority: args.priority,
            tags: args.tags,
            due_at: args.due,
            completed: args.completed,
          }).filter(([, value]) => value !== undefined),
        );
        const input = parseArgs(updateTaskBody, changes);
        const task = await updateTask(context.db, context.userId, args.task_id, input);
        return toolResult({ task_id: task.id, status: "updated", title: task.title });
      });
    },
  );
}
