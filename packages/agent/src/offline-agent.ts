import { AgentError } from "./agent-error";
import { createMcpConnection } from "./mcp-session";
import { describeToolResult, type KnownTask, planOfflineTurn } from "./offline/index";
import type { ChatAgent, TurnInput, TurnResult } from "./types";

/** The built-in assistant: a deterministic English parser making the same MCP tool calls a model would. */
export function createOfflineAgent(options: { mcpUrl: string }): ChatAgent {
  const connection = createMcpConnection(options.mcpUrl);
  return {
    mode: "offline",
    async runTurn(input: TurnInput): Promise<TurnResult> {
      const call = (tool: string, args: Record<string, unknown>) =>
        connection.call(input.mcpToken, tool, args, input.signal);
      // The parser resolves "the report" or "milk" against the user's real tasks.
      const listing = await call("list_tasks", { status: "all", limit: 100 });
      if (listing.is_error) throw new AgentError("tools_unavailable", listing.result);
      const tasks = ((listing.result as { tasks?: KnownTask[] }).tasks ?? []) as KnownTask[];
      const plan = planOfflineTurn(input.message, { now: input.now, tasks });
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
