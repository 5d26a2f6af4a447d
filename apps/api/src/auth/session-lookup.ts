// The common case of "who is calling" in one prepared query instead of Better Auth's getSession (which
// signs and verifies the token three times with WebCrypto, builds a request context and reads the session
// and then the user in two queries). Anything unusual is left to Better Auth, so its rules still decide:
// signed bearer tokens, cookies that do not verify, expired sessions (it deletes them) and sessions due for
// their sliding refresh (it extends them, once a day by default).
import { createHmac } from "node:crypto";
import type { Db } from "@taskflow/db/client";
import { session, user } from "@taskflow/db/schema";
import { eq, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Auth } from "./create-auth";
import { equalSecrets } from "./equal-secrets";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/** A user, `null` for "definitely not signed in", or `undefined` for "ask Better Auth". */
export type QuickLookup = (request: FastifyRequest) => Promise<SessionUser | null | undefined>;

interface AuthSettings {
  secret: string;
  cookieName: string;
  expiresInMs: number;
  updateAgeMs: number;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The session token inside a signed cookie value (`token.base64(HMAC-SHA256)`), if the signature holds. */
function verifiedCookieToken(raw: string, secret: string): string | undefined {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return undefined;
  const expected = createHmac("sha256", secret).update(token).digest("base64");
  return equalSecrets(signature, expected) ? token : undefined;
}

/**
 * `maxAgeMs`: the absolute lifetime of a session since it was created, however often it slid forward; an
 * older one is deleted and the caller is not signed in.
 */
export function createSessionLookup(auth: Auth, db: Db, maxAgeMs = Number.POSITIVE_INFINITY): QuickLookup {
  const byToken = db
    .select({
      userId: session.userId,
      expiresAt: session.expiresAt,
      createdAt: session.createdAt,
      name: user.name,
      email: user.email,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, sql.placeholder("token")))
    .limit(1)
    .prepare("tf_session_by_token");

  let settings: AuthSettings | undefined;
  const load = async (): Promise<AuthSettings | undefined> => {
    const context = await auth.$context;
    if (typeof context.secret !== "string") return undefined;
    return {
      secret: context.secret,
      cookieName: context.authCookies.sessionToken.name,
      expiresInMs: context.sessionConfig.expiresIn * 1000,
      updateAgeMs: context.sessionConfig.updateAge * 1000,
    };
  };

  return async function quickLookup(request) {
    settings ??= await load();
    if (!settings) return undefined;
    let token: string | undefined;
    let definitive = false;
    const authorization = request.headers.authorization;
    if (authorization && authorization.slice(0, 7).toLowerCase() === "bearer ") {
      const bearer = authorization.slice(7).trim();
      // A raw session token (what sign-in returns); signed bearer tokens are Better Auth's to check.
      if (!bearer || bearer.includes(".") || bearer.includes("%")) return undefined;
      token = bearer;
      definitive = true;
    } else {
      const cookie = readCookie(request.headers.cookie, settings.cookieName);
      if (!cookie) return undefined;
      token = verifiedCookieToken(cookie, settings.secret);
      if (!token) return undefined;
    }
    const [row] = await byToken.execute({ token });
    if (!row) return definitive ? null : undefined;
    const expiresAt = row.expiresAt.getTime();
    const now = Date.now();
    if (row.createdAt.getTime() + maxAgeMs <= now) {
      await db.delete(session).where(eq(session.token, token));
      return null;
    }
    // Expired (Better Auth deletes it) or due for its sliding refresh (Better Auth extends it).
    if (expiresAt <= now || expiresAt - settings.expiresInMs + settings.updateAgeMs <= now) return undefined;
    return { id: row.userId, name: row.name, email: row.email };
  };
}
