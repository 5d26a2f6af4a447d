import { createLlmAgent } from "./llm-agent";
import { createOfflineAgent } from "./offline-agent";
import type { ChatAgent } from "./types";

export { AgentError } from "./agent-error";
export type { AgentFailure } from "./agent-error";
export type { AgentEvent, ChatAgent, ToolCallRecord, TurnInput, TurnResult } from "./types";

export interface AgentConfig {
  mcpUrl: string;
  /** With a key the LLM answers; without one, the offline assistant does. */
  openai?: { apiKey: string; baseUrl: string; model: string } | undefined;
}

export function createChatAgent(config: AgentConfig): ChatAgent {
  return config.openai
    ? createLlmAgent({ mcpUrl: config.mcpUrl, ...config.openai })
    : createOfflineAgent({ mcpUrl: config.mcpUrl });
}
