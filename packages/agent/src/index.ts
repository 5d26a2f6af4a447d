import type { ChatAgent } from "./types";

export type { AgentFailure } from "./agent-error";
export { AGENT_FAILURES, AgentError, failureLogFields } from "./agent-error";
export { describeDone } from "./describe-done";
// Type only: `parseQuickAdd` itself is imported from "@taskflow/agent/quick-add", so the date parser it
// needs loads on first use, not with every api replica (see createChatAgent below).
export type { QuickAdd } from "./quick-add";
export type { AgentEvent, ChatAgent, HistoryEntry, ToolCallRecord, TurnInput, TurnResult } from "./types";

export interface AgentConfig {
  mcpUrl: string;
  /** With a key the LLM answers; without one, the offline assistant does. */
  openai?: { apiKey: string; baseUrl: string; model: string } | undefined;
  /** LLM mode: the longest one model step (with its tool calls) may take. */
  stepTimeoutMs?: number | undefined;
  /** LLM mode: token budget for the earlier turns sent with each message. */
  historyTokens?: number | undefined;
}

/**
 * The agent is loaded on the first chat turn, not at start: its dependencies (the MCP client, the AI SDK
 * or the date parser) cost about half a second of start-up and 25 MB that a replica serving only the
 * REST API never needs.
 */
export function createChatAgent(config: AgentConfig): ChatAgent {
  const { openai } = config;
  let loaded: Promise<ChatAgent> | undefined;
  const load = () =>
    (loaded ??= openai
      ? import("./llm-agent").then((m) =>
          m.createLlmAgent({
            mcpUrl: config.mcpUrl,
            ...openai,
            ...(config.stepTimeoutMs ? { stepTimeoutMs: config.stepTimeoutMs } : {}),
            ...(config.historyTokens ? { historyTokens: config.historyTokens } : {}),
          }),
        )
      : import("./offline-agent").then((m) => m.createOfflineAgent({ mcpUrl: config.mcpUrl })));
  return {
    mode: openai ? "llm" : "offline",
    runTurn: async (input) => (await load()).runTurn(input),
  };
}
