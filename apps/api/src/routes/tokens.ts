import {
  createdTokenSchema,
  createTokenBody,
  idParams,
  problemSchema,
  tokenListSchema,
} from "@taskflow/contracts";
import { createPersonalToken, listPersonalTokens, revokePersonalToken } from "@taskflow/core/tokens";
import type { Db } from "@taskflow/db/client";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

/** Personal tokens for outside MCP clients: shown once at creation, stored hashed, revocable. */
export function registerTokenRoutes(
  app: FastifyInstance,
  db: Db,
  limits: { maxTokensPerUser?: number } = {},
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const doc = (summary: string) => routeDoc("tokens", summary);
  const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

  r.post("/tokens", {
    config: { userRateLimit: "token-create" },
    schema: {
      ...doc("Create a personal token (optionally expiring after expires_in_days)"),
      body: createTokenBody,
      response: { 201: createdTokenSchema, ...errors, 409: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(
        await createPersonalToken(db, currentUser(request).id, request.body.name, {
          expiresInDays: request.body.expires_in_days,
          maxTokensPerUser: limits.maxTokensPerUser,
        }),
      ),
  });

  r.get("/tokens", {
    schema: {
      ...doc("List personal tokens"),
      response: { 200: tokenListSchema, ...errors },
    },
    handler: async (request) => ({ items: await listPersonalTokens(db, currentUser(request).id) }),
  });

  r.delete("/tokens/:id", {
    schema: {
      ...doc("Revoke a personal token"),
      params: idParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await revokePersonalToken(db, currentUser(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
