import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { registerAddTaskTool } from "./tools/add-task";
import { registerCompleteTaskTool } from "./tools/complete-task";
import { registerDeleteTaskTool } from "./tools/delete-task";
import { registerListTasksTool } from "./tools/list-tasks";
import type { ToolContext } from "./tools/tool-context";
import { registerUpdateTaskTool } from "./tools/update-task";

/** A fresh MCP server bound to one caller; built per request, so no state crosses users or replicas. */
export function createMcpServer(context: ToolContext): McpServer {
  const server = new McpServer(
    { name: "taskflow", version: "0.1.0" },
    { instructions: "Manage the signed-in user's Taskflow todo list. Call list_tasks to find task ids before acting on a task by name." },
  );
  registerAddTaskTool(server, context);
  registerListTasksTool(server, context);
  registerCompleteTaskTool(server, context);
  registerDeleteTaskTool(server, context);
  registerUpdateTaskTool(server, context);
  return server;
}
