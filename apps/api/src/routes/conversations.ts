import {
  conversationDetailSchema,
  conversationListSchema,
  conversationMessagesQuery,
  idParams as params,
  problemSchema,
} from "@taskflow/contracts";
import { deleteConversation, getConversation, listConversations } from "@taskflow/core/conversations";
import type { Db } from "@taskflow/db/client";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

export function registerConversationRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = (summary: string) => routeDoc("chat", summary);
  const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

  r.get("/conversations", {
    schema: {
      ...doc("List conversations, most recent first"),
      response: { 200: conversationListSchema, ...errors },
    },
    handler: async (request) => ({ items: await listConversations(db, currentUser(request).id) }),
  });
  r.get("/conversations/:id", {
    schema: {
      ...doc(
        "A conversation with one page of its messages: the newest `limit` (default 50, at most 200) before `before`, oldest first; `next_before` is the cursor of the older page, null on the first message",
      ),
      params,
      querystring: conversationMessagesQuery,
      response: { 200: conversationDetailSchema, ...errors },
    },
    handler: (request) =>
      getConversation(db, currentUser(request).id, request.params.id, {
        before: request.query.before,
        limit: request.query.limit,
      }),
  });
  r.delete("/conversations/:id", {
    schema: { ...doc("Delete a conversation"), params, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteConversation(db, currentUser(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
