import type { AssistantMode, MessageRole, ToolCall } from "@taskflow/contracts";

/** A tool call the agent made, as stored with the message and sent to clients. */
export type ToolCallRecord = ToolCall;

export type AgentEvent = { type: "text"; delta: string } | { type: "tool_call"; call: ToolCallRecord };

/** A stored message of the conversation: its text and, for the assistant, the tool calls it made. */
export interface HistoryEntry {
  role: MessageRole;
  content: string;
  toolCalls?: ToolCallRecord[];
}

export interface TurnInput {
  /** Bearer token the MCP server accepts for this user (minted by the api per turn). */
  mcpToken: string;
  /** Earlier messages of the conversation, oldest first. */
  history: HistoryEntry[];
  message: string;
  now: Date;
  /** IANA zone the user reads and types dates in (the turn's, else their profile's). */
  timeZone: string;
  signal: AbortSignal;
  onEvent?: (event: AgentEvent) => void;
}

export interface TurnResult {
  response: string;
  toolCalls: ToolCallRecord[];
}

export interface ChatAgent {
  mode: AssistantMode;
  runTurn(input: TurnInput): Promise<TurnResult>;
}
