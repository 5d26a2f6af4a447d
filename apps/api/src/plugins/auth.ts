// Better Auth mounted at /api/auth/*, and `requireUser`, the one place that decides who is calling.
// Identity comes only from the session cookie or the bearer token, never from a request field.

import { malformedTextMessage } from "@taskflow/contracts";
import type { FieldError } from "@taskflow/core/errors";
import { sendProblem } from "@taskflow/runtime/problem";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Auth } from "../auth/create-auth";
import type { QuickLookup } from "../auth/session-lookup";
import { signUpLookalike, TAKEN_EMAIL_CODES } from "../auth/sign-up-lookalike";

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

/**
 * `databaseUp`: asked when Better Auth answers 500, which it also does when the database is down (it
 * catches the error itself); a sign-in during an outage is then a 503 to retry, like every other route.
 */
export function registerAuth(
  app: FastifyInstance,
  auth: Auth,
  baseUrl: string,
  databaseUp?: () => Promise<boolean>,
) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    async handler(request, reply) {
      const malformed = malformedFields(request.body);
      if (malformed.length) {
        const detail = malformed.map((error) => `${error.field} ${error.message}`).join("; ");
        return sendProblem(reply, 400, detail, malformed);
      }
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const headers = toWebHeaders(request);
      // Better Auth keys its rate limit on X-Forwarded-For. The client's own header is not evidence of
      // anything: pass the address Fastify resolved (the socket's, or a trusted proxy's forwarded one).
      headers.set("x-forwarded-for", request.ip);
      const response = await auth.handler(
        new Request(new URL(request.url, baseUrl), { method: request.method, headers, body }),
      );
      reply.code(response.status);
      response.headers.forEach((value, key) => {
        if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header("set-cookie", cookies);
      if (response.status >= 500 && databaseUp && !(await databaseUp())) {
        reply.header("retry-after", "5");
        return sendProblem(reply, 503, "The database is unavailable; try again shortly.");
      }
      if (response.status >= 400) {
        const text = await response.text();
        const parsed = safeJson(text) as { message?: string; code?: string } | undefined;
        if (
          request.url.split("?")[0] === "/api/auth/sign-up/email" &&
          TAKEN_EMAIL_CODES.has(parsed?.code ?? "")
        ) {
          const lookalike = await signUpLookalike(auth, request.body);
          return reply
            .code(200)
            .header("content-type", "application/json")
            .header("set-auth-token", lookalike.signedToken)
            .header("access-control-expose-headers", "set-auth-token")
            .header("set-cookie", [lookalike.cookie])
            .send(Buffer.from(lookalike.body));
        }
        const detail = parsed?.message ?? (text || "Authentication failed");
        const fields = response.status === 400 ? authFieldErrors(detail, parsed?.code) : [];
        return sendProblem(reply, response.status, detail, fields.length ? fields : undefined);
      }
      return reply.send(Buffer.from(await response.arrayBuffer()));
    },
  });

  app.decorateRequest("user", undefined);
}

const FIELD_OF_CODE: Record<string, string> = {
  PASSWORD_TOO_SHORT: "password",
  PASSWORD_TOO_LONG: "password",
  INVALID_EMAIL: "email",
};

/**
 * Better Auth reports bad input as prose (`[body.email] Invalid email address; …`) or as a code; the
 * contract wants `errors[{field, message}]` naming the field, as every other route gives.
 */
function authFieldErrors(message: string, code: string | undefined): FieldError[] {
  const fromMessage = message.split("; ").flatMap((part) => {
    const match = /^\[(?:body|query)\.([^\]]+)\] (.+)$/.exec(part);
    return match?.[1] && match[2] ? [{ field: match[1], message: match[2] }] : [];
  });
  if (fromMessage.length) return fromMessage;
  const field = code ? FIELD_OF_CODE[code] : undefined;
  return field ? [{ field, message }] : [];
}

/**
 * The string fields of a Better Auth body (at any depth) that PostgreSQL cannot store as sent — NUL, a
 * lone surrogate — checked as every other route's schema checks them: Better Auth would fail its insert
 * with a vague 422 (NUL) or silently store U+FFFD (a lone surrogate).
 */
function malformedFields(body: unknown, path = ""): FieldError[] {
  if (typeof body === "string") {
    const message = malformedTextMessage(body);
    return message ? [{ field: path || "body", message }] : [];
  }
  if (!body || typeof body !== "object") return [];
  return Object.entries(body).flatMap(([key, value]) =>
    malformedFields(value, path ? `${path}.${key}` : key),
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The onRequest hook of the signed-in scope (app.ts), which every route inside inherits: identity is
 * settled before the body is parsed or validated, so an anonymous caller learns nothing but 401.
 */
export type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Who is calling, for every protected route: 401 problem+json without a valid session or bearer token. A session
 * older than `maxSessionAgeMs` since its creation (Better Auth only knows the sliding expiry) is deleted
 * and refused; the quick lookup applies the same rule on its own path.
 */
export function requireUser(
  auth: Auth,
  quickLookup?: QuickLookup,
  maxSessionAgeMs = Number.POSITIVE_INFINITY,
): Guard {
  return async function requireUserHook(request: FastifyRequest, reply: FastifyReply) {
    // The one-query lookup answers the common case; Better Auth decides everything else.
    const quick = quickLookup ? await quickLookup(request) : undefined;
    let session: { user: CurrentUser } | null;
    if (quick === undefined) {
      const full = await auth.api.getSession({ headers: toWebHeaders(request) });
      session = full;
      if (full && new Date(full.session.createdAt).getTime() + maxSessionAgeMs <= Date.now()) {
        await (await auth.$context).internalAdapter.deleteSession(full.session.token);
        session = null;
      }
    } else session = quick && { user: quick };
    if (!session) {
      return sendProblem(
        reply,
        401,
        "Sign in first: send the session cookie or an Authorization: Bearer token.",
      );
    }
    request.user = { id: session.user.id, name: session.user.name, email: session.user.email };
  };
}

/** The signed-in user of a request that passed `requireUser`. */
export function currentUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new Error("requireUser did not run for this route");
  return request.user;
}
