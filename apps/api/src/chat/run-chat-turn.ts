// One stateless chat turn: load the conversation from the database, store the user's message, run the
// agent as this user, store the reply with its tool calls. A restart between turns loses nothing.
import { AgentError, type AgentEvent, type ChatAgent } from "@taskflow/agent";
import type { ChatResponse } from "@taskflow/core/contracts";
import { appendMessage, loadHistory, startConversation } from "@taskflow/core/conversations";
import type { Db } from "@taskflow/db/client";

export interface ChatTurnDeps {
  db: Db;
  agent: ChatAgent;
  /** The bearer token the agent calls the MCP server with, as this user. */
  agentToken(userId: string): Promise<string>;
  timeoutMs: number;
}

export interface ChatTurnRequest {
  userId: string;
  conversationId?: number | undefined;
  message: string;
  onStart?: (conversationId: number) => void;
  onEvent?: (event: AgentEvent) => void;
}

export async function runChatTurn(deps: ChatTurnDeps, request: ChatTurnRequest): Promise<ChatResponse> {
  const { db, agent } = deps;
  const history = request.conversationId ? await loadHistory(db, request.userId, request.conversationId) : [];
  // A new conversation is stored together with this first message.
  const conversationId =
    request.conversationId ?? (await startConversation(db, request.userId, request.message));
  request.onStart?.(conversationId);
  if (request.conversationId !== undefined)
    await appendMessage(db, request.userId, conversationId, { role: "user", content: request.message });

  const signal = AbortSignal.timeout(deps.timeoutMs);
  const mcpToken = await deps.agentToken(request.userId);
  const turn = await agent
    .runTurn({
      mcpToken,
      history,
      message: request.message,
      now: new Date(),
      signal,
      onEvent: request.onEvent,
    })
    .catch((error: unknown) => {
      throw error instanceof AgentError
        ? error
        : new AgentError(signal.aborted ? "timeout" : "llm_invalid", error);
    });

  // Only a finished reply is stored; a failed turn leaves just the user's message behind.
  await appendMessage(db, request.userId, conversationId, {
    role: "assistant",
    content: turn.response,
    toolCalls: turn.toolCalls,
  });
  return { conversation_id: conversationId, response: turn.response, tool_calls: turn.toolCalls };
}
