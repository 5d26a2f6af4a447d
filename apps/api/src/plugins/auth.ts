// Better Auth mounted at /api/auth/*, and `requireUser`, the one place that decides who is calling.
// Identity comes only from the session cookie or the bearer token, never from a request field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Auth } from "../auth/create-auth";
import { sendProblem } from "@taskflow/runtime/problem";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

declare module "fastify" {
  interface FastifyRequest {
    user?: CurrentUser;
  }
}

function toWebHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(key, item);
  }
  return headers;
}

export function registerAuth(app: FastifyInstance, auth: Auth, baseUrl: string) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    async handler(request, reply) {
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const response = await auth.handler(
        new Request(new URL(request.url, baseUrl), { method: request.method, headers: toWebHeaders(request), body }),
      );
      reply.code(response.status);
      response.headers.forEach((value, key) => {
        if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header("set-cookie", cookies);
      if (response.status >= 400) {
        const text = await response.text();
        const parsed = safeJson(text) as { message?: string; code?: string } | undefined;
        return sendProblem(reply, response.status, parsed?.message ?? (text || "Authentication failed"));
      }
      return reply.send(Buffer.from(await response.arrayBuffer()));
    },
  });

  app.decorateRequest("user", undefined);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** preHandler for every protected route: 401 problem+json without a valid session or bearer token. */
export function requireUser(auth: Auth) {
  return async function requireUserHook(request: FastifyRequest, reply: FastifyReply) {
    const session = await auth.api.getSession({ headers: toWebHeaders(request) });
    if (!session) {
      return sendProblem(reply, 401, "Sign in first: send the session cookie or an Authorization: Bearer token.");
    }
    request.user = { id: session.user.id, name: session.user.name, email: session.user.email };
  };
}

/** The signed-in user of a request that passed `requireUser`. */
export function currentUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error("requireUser did not run for this route");
  return request.user;
}
