// One stateless chat turn: load the conversation from the database, store the user's message, run the
// agent as this user, store the reply with its tool calls. A restart between turns loses nothing.
// A failed turn stores an assistant message too — what was done and why it stopped — so the stored
// conversation keeps alternating user/assistant and the tool calls that did run are never forgotten.
// A turn named by the client (`client_turn_id`) runs once: asking again returns what was stored.
import {
  AGENT_FAILURES,
  AgentError,
  type AgentEvent,
  type AgentFailure,
  type ChatAgent,
  describeDone,
  type ToolCallRecord,
} from "@taskflow/agent";
import type { ChatResponse } from "@taskflow/contracts";
import { appendMessage, findTurn, loadHistory, startConversation } from "@taskflow/core/conversations";
import { conflict } from "@taskflow/core/errors";
import { getTimeZone } from "@taskflow/core/users";
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
  clientTurnId?: string | undefined;
  /** The zone this turn's dates are read in; defaults to the user's stored time_zone. */
  timeZone?: string | undefined;
  onStart?: (conversationId: number) => void;
  onEvent?: (event: AgentEvent) => void;
}

/** A turn that failed, after its failure was stored: what the client is told. */
export class ChatTurnFailed extends Error {
  constructor(
    readonly failure: AgentFailure,
    /** What the user reads: what was done, if anything, then why the turn stopped. */
    readonly detail: string,
    readonly conversationId: number,
    readonly toolCalls: ToolCallRecord[],
    readonly retryAfterSeconds: number | undefined,
    /** The agent's error, for the log; absent when the failure is replayed from the database. */
    override readonly cause: AgentError | undefined,
  ) {
    super(detail);
    this.name = "ChatTurnFailed";
  }
}

export async function runChatTurn(deps: ChatTurnDeps, request: ChatTurnRequest): Promise<ChatResponse> {
  const { db, agent } = deps;
  if (request.clientTurnId) {
    const replayed = await replay(deps, request, request.clientTurnId);
    if (replayed) return replayed;
  }
  const history = request.conversationId ? await loadHistory(db, request.userId, request.conversationId) : [];
  // A new conversation is stored together with this first message.
  const conversationId =
    request.conversationId ??
    (await startConversation(db, request.userId, request.message, request.clientTurnId));
  if (request.conversationId !== undefined)
    await appendMessage(db, request.userId, conversationId, {
      role: "user",
      content: request.message,
      clientTurnId: request.clientTurnId,
    });
  request.onStart?.(conversationId);

  const signal = AbortSignal.timeout(deps.timeoutMs);
  const [mcpToken, timeZone] = await Promise.all([
    deps.agentToken(request.userId),
    request.timeZone ?? getTimeZone(db, request.userId),
  ]);
  let turn: Awaited<ReturnType<ChatAgent["runTurn"]>>;
  try {
    turn = await agent.runTurn({
      mcpToken,
      history,
      message: request.message,
      now: new Date(),
      timeZone,
      signal,
      onEvent: request.onEvent,
    });
  } catch (error) {
    const failed =
      error instanceof AgentError ? error : new AgentError(signal.aborted ? "timeout" : "llm_invalid", error);
    const detail = failureReply(failed.message, failed.toolCalls);
    await appendMessage(db, request.userId, conversationId, {
      role: "assistant",
      content: detail,
      toolCalls: failed.toolCalls,
      clientTurnId: request.clientTurnId,
      failure: failed.failure,
    });
    throw new ChatTurnFailed(
      failed.failure,
      detail,
      conversationId,
      failed.toolCalls,
      failed.retryAfterSeconds,
      failed,
    );
  }

  await appendMessage(db, request.userId, conversationId, {
    role: "assistant",
    content: turn.response,
    toolCalls: turn.toolCalls,
    clientTurnId: request.clientTurnId,
  });
  return { conversation_id: conversationId, response: turn.response, tool_calls: turn.toolCalls };
}

/** "I added “buy milk” but could not finish: <why>", or just why when nothing was changed. */
function failureReply(reason: string, toolCalls: ToolCallRecord[]): string {
  const done = describeDone(toolCalls);
  return done ? `${done} but could not finish: ${reason}` : reason;
}

/** The stored outcome of a turn already sent under this id, or undefined when it is new. */
async function replay(
  deps: ChatTurnDeps,
  request: ChatTurnRequest,
  clientTurnId: string,
): Promise<ChatResponse | undefined> {
  const stored = await findTurn(deps.db, request.userId, clientTurnId);
  if (!stored) return undefined;
  if (
    stored.message !== request.message ||
    (request.conversationId !== undefined && request.conversationId !== stored.conversationId)
  )
    throw conflict(
      `client_turn_id ${clientTurnId} was already used for another message; use a new id for a new message`,
    );
  if (!stored.reply)
    throw conflict(
      `The turn ${clientTurnId} is still running (or was interrupted); its result will be in conversation ${stored.conversationId}`,
    );
  request.onStart?.(stored.conversationId);
  const { reply } = stored;
  if (reply.failure !== null) {
    const failure = (AGENT_FAILURES as readonly string[]).includes(reply.failure)
      ? (reply.failure as AgentFailure)
      : "llm_invalid";
    throw new ChatTurnFailed(
      failure,
      reply.content,
      stored.conversationId,
      reply.toolCalls,
      undefined,
      undefined,
    );
  }
  return { conversation_id: stored.conversationId, response: reply.content, tool_calls: reply.toolCalls };
}
