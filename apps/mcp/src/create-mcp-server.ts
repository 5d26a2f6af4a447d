import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { registerPlanMyDayPrompt } from "./prompts/plan-my-day";
import { registerTodayResource } from "./resources/today";
import { registerAddTaskTool } from "./tools/add-task";
import { registerAddTasksTool } from "./tools/add-tasks";
import { registerCompleteTaskTool } from "./tools/complete-task";
import { registerCompleteTasksTool } from "./tools/complete-tasks";
import { registerCreateListTool } from "./tools/create-list";
import { registerDeleteListTool } from "./tools/delete-list";
import { registerDeleteTaskTool } from "./tools/delete-task";
import { registerFindTasksByDateTool } from "./tools/find-tasks-by-date";
import { registerGetOverviewTool } from "./tools/get-overview";
import { registerListListsTool } from "./tools/list-lists";
import { registerListTasksTool } from "./tools/list-tasks";
import { registerRenameListTool } from "./tools/rename-list";
import { registerRestoreTaskTool } from "./tools/restore-task";
import type { ToolDeps } from "./tools/tool-context";
import { registerUpdateTaskTool } from "./tools/update-task";
import { registerUpdateTasksTool } from "./tools/update-tasks";

// One JSON Schema validator per process: the SDK would otherwise build a new Ajv (~0.25 ms) per server.
const jsonSchemaValidator = new AjvJsonSchemaValidator();

/**
 * An MCP server with the task tools, the `taskflow://today` resource and the `plan-my-day` prompt. It
 * holds no caller: each call takes its user from the request's authInfo, set by the HTTP layer from the
 * verified token.
 */
export function createMcpServer(deps: ToolDeps): McpServer {
  const server = new McpServer(
    { name: "taskflow", version: "0.1.0" },
    {
      instructions: `Manage the signed-in user's Taskflow todo list. Call ${TOOL.listTasks} to find task ids before acting on a task by name; ${TOOL.getOverview} answers "how am I doing" (overdue, due today, next up, in the user's time zone); ${TOOL.findTasksByDate} answers "what is due between two days". A task can repeat (recurrence: an RRULE or a phrase such as "every weekday"; completing it moves it to the next due) and carry a reminder (remind_at). For several tasks at once use ${TOOL.addTasks}, ${TOOL.completeTasks} or ${TOOL.updateTasks}: all or nothing, one result per item. Tasks can sit in lists (projects), given by name as \`list\` (${TOOL.listLists} shows them; "inbox" means none); ${TOOL.createList}, ${TOOL.renameList} and ${TOOL.deleteList} manage them (a deleted list's tasks move to the Inbox).`,
      jsonSchemaValidator,
    },
  );
  registerAddTaskTool(server, deps);
  registerListTasksTool(server, deps);
  registerCompleteTaskTool(server, deps);
  registerDeleteTaskTool(server, deps);
  registerUpdateTaskTool(server, deps);
  registerRestoreTaskTool(server, deps);
  registerAddTasksTool(server, deps);
  registerCompleteTasksTool(server, deps);
  registerUpdateTasksTool(server, deps);
  registerGetOverviewTool(server, deps);
  registerFindTasksByDateTool(server, deps);
  registerListListsTool(server, deps);
  registerCreateListTool(server, deps);
  registerRenameListTool(server, deps);
  registerDeleteListTool(server, deps);
  registerTodayResource(server, deps);
  registerPlanMyDayPrompt(server, deps);
  return server;
}

/**
 * Idle servers for reuse, as building one (its tools, a resource, a prompt) costs more than the tool call it
 * serves. A server serves one request at a time and returns here only after a complete response, so
 * nothing of an earlier request can still run on it; the pool never grows beyond `max` idle servers.
 */
export function createMcpServerPool(deps: ToolDeps, max = 64) {
  const idle: McpServer[] = [];
  return {
    acquire: (): McpServer => idle.pop() ?? createMcpServer(deps),
    release(server: McpServer) {
      if (idle.length < max) idle.push(server);
    },
    get idle() {
      return idle.length;
    },
  };
}
