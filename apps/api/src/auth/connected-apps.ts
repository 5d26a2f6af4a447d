// The OAuth clients a user connected (claude.ai, ChatGPT, VS Code…), for the Connect AI tools page, and
// Revoke. Better Auth's own delete-consent leaves the client's refresh tokens working; revoking here
// deletes the consent (the mcp service refuses the client's access tokens at its next call: it checks
// the consent on every call) and revokes every refresh token of that client for this user, in one
// transaction.
import { clientIdParams, connectedAppListSchema, problemSchema } from "@taskflow/contracts";
import type { Db } from "@taskflow/db/client";
import { oauthAccessToken, oauthClient, oauthConsent, oauthRefreshToken } from "@taskflow/db/schema";
import { sendProblem } from "@taskflow/runtime/problem";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "../routes/route-doc";

export async function listConnectedApps(db: Db, userId: string) {
  const rows = await db
    .select({
      clientId: oauthConsent.clientId,
      name: oauthClient.name,
      uri: oauthClient.uri,
      scopes: oauthConsent.scopes,
      createdAt: oauthConsent.createdAt,
      lastUsedAt: oauthConsent.lastUsedAt,
    })
    .from(oauthConsent)
    .innerJoin(oauthClient, eq(oauthClient.clientId, oauthConsent.clientId))
    .where(eq(oauthConsent.userId, userId))
    .orderBy(desc(oauthConsent.createdAt));
  return rows.map((row) => ({
    client_id: row.clientId,
    name: row.name?.trim() || row.clientId,
    uri: row.uri ?? null,
    scopes: row.scopes,
    connected_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
  }));
}

/** True when the user had connected that client (and now has not). */
export async function revokeConnectedApp(db: Db, userId: string, clientId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(oauthConsent)
      .where(and(eq(oauthConsent.userId, userId), eq(oauthConsent.clientId, clientId)))
      .returning({ id: oauthConsent.id });
    if (deleted.length === 0) return false;
    await tx
      .update(oauthRefreshToken)
      .set({ revoked: sql`now()` as unknown as Date })
      .where(
        and(
          eq(oauthRefreshToken.userId, userId),
          eq(oauthRefreshToken.clientId, clientId),
          isNull(oauthRefreshToken.revoked),
        ),
      );
    await tx
      .delete(oauthAccessToken)
      .where(and(eq(oauthAccessToken.userId, userId), eq(oauthAccessToken.clientId, clientId)));
    return true;
  });
}

/** GET /connected-apps and DELETE /connected-apps/:client_id, inside the signed-in /api scope. */
export function registerConnectedAppRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };
  r.get("/connected-apps", {
    schema: {
      ...routeDoc("tokens", "List the apps connected through OAuth (MCP clients) with their last use"),
      response: { 200: connectedAppListSchema, ...errors },
    },
    handler: async (request) => ({ apps: await listConnectedApps(db, currentUser(request).id) }),
  });
  r.delete("/connected-apps/:client_id", {
    schema: {
      ...routeDoc("tokens", "Revoke a connected app: its tokens stop working at once"),
      params: clientIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      const revoked = await revokeConnectedApp(db, currentUser(request).id, request.params.client_id);
      if (!revoked) return sendProblem(reply, 404, "No connected app with that client id.");
      return reply.code(204).send(null);
    },
  });
}
