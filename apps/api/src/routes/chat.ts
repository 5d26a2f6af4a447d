import { type AgentFailure, type ChatAgent, failureLogFields } from "@taskflow/agent";
import {
  chatProblemSchema,
  chatRequestBody,
  chatResponseSchema,
  clientTurnIdSchema,
  problemSchema,
} from "@taskflow/contracts";
import { invalid } from "@taskflow/core/errors";
import type { Db } from "@taskflow/db/client";
import { sendProblem } from "@taskflow/runtime/problem";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ChatTurnFailed, runChatTurn } from "../chat/run-chat-turn";
import { openEventStream } from "../chat/sse";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

/**
 * The status a client sees for each failure: 503 (with Retry-After) when waiting helps, 502 when the
 * provider refuses what we are configured to send (only the administrator can fix it), 504 on timeout.
 */
const FAILURE_STATUS: Record<AgentFailure, number> = {
  tools_unavailable: 503,
  llm_unavailable: 503,
  llm_rate_limited: 503,
  llm_auth: 502,
  llm_model_not_found: 502,
  llm_refused: 502,
  llm_rejected: 502,
  llm_stream_failed: 502,
  llm_invalid: 502,
  timeout: 504,
};

export interface ChatRouteDeps {
  db: Db;
  agent: ChatAgent;
  agentToken(userId: string): Promise<string>;
  timeoutMs: number;
}

/** The turn id from the body or the Idempotency-Key header; both at once must agree. */
function clientTurnId(request: FastifyRequest, fromBody: string | undefined): string | undefined {
  const header = request.headers["idempotency-key"];
  if (header === undefined) return fromBody;
  const parsed = clientTurnIdSchema.safeParse(Array.isArray(header) ? header.join(",") : header);
  if (!parsed.success) throw invalid("Idempotency-Key", parsed.error.issues[0]?.message ?? "is invalid");
  if (fromBody !== undefined && fromBody !== parsed.data)
    throw invalid("Idempotency-Key", "must equal client_turn_id when both are sent");
  return parsed.data;
}

/** POST /api/chat (and the hackathon's /api/{user_id}/chat): JSON by default, SSE when asked. */
export function registerChatRoutes(app: FastifyInstance, deps: ChatRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post("/chat", {
    config: { userRateLimit: "chat" },
    schema: {
      ...routeDoc(
        "chat",
        "Send a message to the assistant (Accept: text/event-stream to stream). With client_turn_id (or an Idempotency-Key header) the turn runs once: the same id again returns the stored result, or 409 while it is still running.",
      ),
      body: chatRequestBody,
      headers: z.object({ "idempotency-key": clientTurnIdSchema.optional() }).loose(),
      response: {
        200: chatResponseSchema,
        400: problemSchema,
        401: problemSchema,
        404: problemSchema,
        409: problemSchema,
        502: chatProblemSchema,
        503: chatProblemSchema,
        504: chatProblemSchema,
      },
    },
    async handler(request, reply) {
      const userId = currentUser(request).id;
      const turn = {
        userId,
        conversationId: request.body.conversation_id,
        message: request.body.message,
        clientTurnId: clientTurnId(request, request.body.client_turn_id),
        timeZone: request.body.time_zone,
      };
      const logFailure = (failed: ChatTurnFailed) =>
        request.log.warn(
          {
            conversationId: failed.conversationId,
            ...(failed.cause ? failureLogFields(failed.cause) : { failure: failed.failure }),
          },
          failed.cause ? "chat turn failed" : "chat turn failure replayed",
        );
      if (!(request.headers.accept ?? "").includes("text/event-stream")) {
        try {
          return await runChatTurn(deps, turn);
        } catch (error) {
          if (!(error instanceof ChatTurnFailed)) throw error;
          logFailure(error);
          if (error.retryAfterSeconds !== undefined)
            reply.header("retry-after", String(error.retryAfterSeconds));
          return sendProblem(
            reply,
            FAILURE_STATUS[error.failure],
            error.detail,
            undefined,
            problemExtensions(error),
          );
        }
      }
      // The stream opens once the conversation is known, so an unknown conversation is still a plain 404.
      let stream: ReturnType<typeof openEventStream> | undefined;
      let conversationId: number | undefined;
      try {
        const result = await runChatTurn(deps, {
          ...turn,
          onStart: (id) => {
            conversationId = id;
            stream = openEventStream(reply);
            stream.send("start", { conversation_id: id });
          },
          onEvent: (event) =>
            event.type === "text"
              ? stream?.send("text", { delta: event.delta })
              : stream?.send("tool_call", event.call),
        });
        stream?.send("done", result);
      } catch (error) {
        if (!stream) throw error;
        if (error instanceof ChatTurnFailed) {
          logFailure(error);
          stream.send("error", {
            status: FAILURE_STATUS[error.failure],
            title: "Chat failed",
            detail: error.detail,
            ...problemExtensions(error),
          });
        } else {
          request.log.error({ conversationId, ...failureLogFields(error) }, "streamed chat turn failed");
          stream.send("error", {
            status: 500,
            title: "Chat failed",
            detail: "Something went wrong on our side.",
            conversation_id: conversationId,
          });
        }
      } finally {
        stream?.end();
      }
    },
  });
}

function problemExtensions(error: ChatTurnFailed) {
  return {
    conversation_id: error.conversationId,
    ...(error.toolCalls.length > 0 ? { tool_calls: error.toolCalls } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retry_after: error.retryAfterSeconds } : {}),
  };
}
