import { AgentError } from "./agent-error";
import { openMcpSession } from "./mcp-session";
import { describeToolResult, type KnownTask, planOfflineTurn } from "./offline/index";
import type { ChatAgent, TurnInput, TurnResult } from "./types";

/** The built-in assistant: a deterministic English parser making the same MCP tool calls a model would. */
export function createOfflineAgent(options: { mcpUrl: string }): ChatAgent {
  return {
    mode: "offline",
    async runTurn(input: TurnInput): Promise<TurnResult> {
      const mcp = await openMcpSession(options.mcpUrl, input.mcpToken, input.signal);
      try {
        // The parser resolves "the report" or "milk" against the user's real tasks.
        const listing = await mcp.call("list_tasks", { status: "all", limit: 100 });
        if (listing.is_error) throw new AgentError("tools_unavailable", listing.result);
        const tasks = ((listing.result as { tasks?: KnownTask[] }).tasks ?? []) as KnownTask[];
        const plan = planOfflineTurn(input.message, { now: input.now, tasks });
        if (plan.kind !== "tool") {
          input.onEvent?.({ type: "text", delta: plan.reply });
          return { response: plan.reply, toolCalls: [] };
        }
        const call = await mcp.call(plan.tool, plan.arguments);
        input.onEvent?.({ type: "tool_call", call });
        const response = describeToolResult(plan.tool, plan.arguments, call.result, call.is_error === true);
        input.onEvent?.({ type: "text", delta: response });
        return { response, toolCalls: [call] };
      } finally {
        await mcp.close();
      }
    },
  };
}
