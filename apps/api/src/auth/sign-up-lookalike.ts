// Sign-up for an email that already has an account. Better Auth says so (422 "user already exists"),
// which tells anyone whether an address is registered; sign-in tells only whoever knows the password.
// So the api answers as for a new account — same status, headers, cookie attributes, body shape, and the
// same password-hashing cost — with a session token and cookie that match no session: the caller learns
// nothing, the existing account is untouched, and its owner simply signs in. Better Auth's own
// generic answer (requireEmailVerification/autoSignIn: false) would also stop signing new users in.
import { createHmac, randomInt } from "node:crypto";
import type { Auth } from "./create-auth";

export const TAKEN_EMAIL_CODES = new Set(["USER_ALREADY_EXISTS", "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL"]);

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** A string of Better Auth's session-token form (32 letters and digits). */
const tokenLike = () => Array.from({ length: 32 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

export interface Lookalike {
  body: string;
  signedToken: string;
  cookie: string;
}

export async function signUpLookalike(auth: Auth, input: unknown): Promise<Lookalike> {
  const context = await auth.$context;
  const { name, email, password, image } = (input ?? {}) as Record<string, unknown>;
  // The work a real sign-up does that a caller could time.
  await context.password.hash(typeof password === "string" ? password : "");
  const token = tokenLike();
  const now = new Date().toISOString();
  // Key order as Better Auth writes a new user.
  const user = {
    name,
    email: typeof email === "string" ? email.toLowerCase() : email,
    emailVerified: false,
    image: image ?? null,
    createdAt: now,
    updatedAt: now,
    id: crypto.randomUUID(),
  };
  const signature = createHmac("sha256", context.secret).update(token).digest("base64");
  const { name: cookieName, attributes } = context.authCookies.sessionToken;
  const parts = [
    `${cookieName}=${encodeURIComponent(`${token}.${signature}`)}`,
    `Max-Age=${context.sessionConfig.expiresIn}`,
    `Path=${attributes.path ?? "/"}`,
    ...(attributes.httpOnly ? ["HttpOnly"] : []),
    ...(attributes.secure ? ["Secure"] : []),
    `SameSite=${capitalise(String(attributes.sameSite ?? "lax"))}`,
  ];
  // The bearer plugin hands out the signed form of the token in set-auth-token.
  return {
    body: JSON.stringify({ token, user }),
    signedToken: `${token}.${signature}`,
    cookie: parts.join("; "),
  };
}

const capitalise = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).toLowerCase();
