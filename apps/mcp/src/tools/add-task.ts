import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createTaskBody } from "@taskflow/contracts";
import { addTaskArgs, TOOL, taskActionResult } from "@taskflow/contracts/mcp-tools";
import { createTask } from "@taskflow/core/tasks";
import { actionResult } from "./action-result";
import { HINTS } from "./hints";
import { listIdOf } from "./list-arg";
import { taskFieldsOf } from "./task-fields";
import { contextOf, parseArgs, runTool, type ToolDeps, toolResult } from "./tool-context";

export function registerAddTaskTool(server: McpServer, deps: ToolDeps) {
  server.registerTool(
    TOOL.addTask,
    {
      title: "Add task",
      description:
        "Create a new task for the user, optionally repeating (recurrence), with a reminder (remind_at) and in a list (list, by name). Returns its id.",
      inputSchema: addTaskArgs,
      outputSchema: taskActionResult,
      annotations: HINTS.write,
    },
    (args, extra) => {
      const context = contextOf(deps, extra);
      return runTool(context, args, async () => {
        const input = parseArgs(createTaskBody, taskFieldsOf(args, await listIdOf(context, args.list)));
        const task = await createTask(context.db, context.userId, input);
        return toolResult(actionResult(task, "created"));
      });
    },
  );
}
