import { AgentError } from "./agent-error";
import { createMcpConnection } from "./mcp-session";
import { describeToolResult, type KnownTask, planOfflineTurn } from "./offline/index";
import type { ChatAgent, ToolCallRecord, TurnInput, TurnResult } from "./types";

/** The built-in assistant: a deterministic English parser making the same MCP tool calls a model would. */
export function createOfflineAgent(options: { mcpUrl: string }): ChatAgent {
  const connection = createMcpConnection(options.mcpUrl);
  return {
    mode: "offline",
    async runTurn(input: TurnInput): Promise<TurnResult> {
      const call = (tool: string, args: Record<string, unknown>) =>
        connection.call(input.mcpToken, tool, args, input.signal);
      // The parser resolves "the report" or "milk" against the user's real tasks, but only some commands
      // refer to a task ("add …" does not). It is a pure function of its input, so a plan made without
      // ever reading `tasks` is the plan for any task list: the listing is fetched only when it is read.
      let readsTasks = false;
      const blind = planOfflineTurn(input.message, {
        now: input.now,
        get tasks(): KnownTask[] {
          readsTasks = true;
          return [];
        },
      });
      const plan = readsTasks
        ? planOfflineTurn(input.message, { now: input.now, tasks: await knownTasks(call) })
        : blind;
      if (plan.kind !== "tool") {
        input.onEvent?.({ type: "text", delta: plan.reply });
        return { response: plan.reply, toolCalls: [] };
      }
      const result = await call(plan.tool, plan.arguments);
      input.onEvent?.({ type: "tool_call", call: result });
      const response = describeToolResult(plan.tool, plan.arguments, result.result, result.is_error === true);
      input.onEvent?.({ type: "text", delta: response });
      return { response, toolCalls: [result] };
    },
  };
}

async function knownTasks(call: (tool: string, args: Record<string, unknown>) => Promise<ToolCallRecord>) {
  const listing = await call("list_tasks", { status: "all", limit: 100 });
  if (listing.is_error) throw new AgentError("tools_unavailable", listing.result);
  return ((listing.result as { tasks?: KnownTask[] }).tasks ?? []) as KnownTask[];
}
