import { AgentError, type AgentFailure, type ChatAgent } from "@taskflow/agent";
import {
  chatProblemSchema,
  chatRequestBody,
  chatResponseSchema,
  problemSchema,
} from "@taskflow/core/contracts";
import type { Db } from "@taskflow/db/client";
import { sendProblem } from "@taskflow/runtime/problem";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { runChatTurn } from "../chat/run-chat-turn";
import { openEventStream } from "../chat/sse";
import { currentUser, type Guard } from "../plugins/auth";
import { routeDoc } from "./route-doc";

const FAILURE_STATUS: Record<AgentFailure, number> = {
  tools_unavailable: 503,
  llm_unavailable: 503,
  llm_invalid: 502,
  timeout: 504,
};

export interface ChatRouteDeps {
  db: Db;
  agent: ChatAgent;
  agentToken(userId: string): Promise<string>;
  timeoutMs: number;
}

/** POST /api/chat (and the hackathon's /api/{user_id}/chat): JSON by default, SSE when asked. */
export function registerChatRoutes(
  app: FastifyInstance,
  deps: ChatRouteDeps,
  guards: Guard[],
  prefix: string,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hackathon = prefix !== "/api";
  r.post(`${prefix}/chat`, {
    // onRequest, as on every other protected route: an anonymous caller gets 401 whatever it sends.
    onRequest: guards,
    schema: {
      ...routeDoc("chat", "Send a message to the assistant (Accept: text/event-stream to stream)", hackathon),
      body: chatRequestBody,
      ...(hackathon ? { params: z.object({ user_id: z.string() }) } : {}),
      response: {
        200: chatResponseSchema,
        400: problemSchema,
        401: problemSchema,
        404: problemSchema,
        502: chatProblemSchema,
        503: chatProblemSchema,
        504: chatProblemSchema,
      },
    },
    async handler(request, reply) {
      const userId = currentUser(request).id;
      const turn = { userId, conversationId: request.body.conversation_id, message: request.body.message };
      // Known once the turn has stored the user's message: a failure names it, so a retry stays in place.
      let conversationId: number | undefined;
      if (!(request.headers.accept ?? "").includes("text/event-stream")) {
        try {
          return await runChatTurn(deps, { ...turn, onStart: (id) => (conversationId = id) });
        } catch (error) {
          if (error instanceof AgentError) {
            request.log.warn({ failure: error.failure, err: error.cause }, "chat turn failed");
            return sendProblem(reply, FAILURE_STATUS[error.failure], error.message, undefined, {
              conversation_id: conversationId,
            });
          }
          throw error;
        }
      }
      // The stream opens once the conversation is known, so an unknown conversation is still a plain 404.
      let stream: ReturnType<typeof openEventStream> | undefined;
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
        const status = error instanceof AgentError ? FAILURE_STATUS[error.failure] : 500;
        const detail = error instanceof AgentError ? error.message : "Something went wrong on our side.";
        request.log.warn({ err: error }, "streamed chat turn failed");
        stream.send("error", { status, title: "Chat failed", detail, conversation_id: conversationId });
      } finally {
        stream?.end();
      }
    },
  });
}
