// Rules on what a person may choose for their account, applied by Better Auth itself (a `before` hook)
// on every endpoint that sets the value, so no path — sign-up, reset, change, update — skips them.

import { textInput } from "@taskflow/contracts";
import { dictionary } from "@zxcvbn-ts/language-common";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";

/** How many of the most common passwords (a frequency-ranked public list, shipped with the app) to refuse. */
export const COMMON_PASSWORDS_REFUSED = 10_000;
let common: Set<string> | undefined;

/** Whether a password is among the most common ones, ignoring case ("Password1" is "password1"). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].slice(0, COMMON_PASSWORDS_REFUSED));
  return common.has(password) || common.has(password.toLowerCase());
}

export const userNameSchema = textInput()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

/** The fields each endpoint sets, by Better Auth path. */
const PASSWORD_FIELD: Record<string, string> = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
  "/set-password": "newPassword",
};
const NAME_PATHS = new Set(["/sign-up/email", "/update-user"]);

// Better Auth's own validation messages look like `[body.email] Invalid email address`; the api's auth
// plugin turns that form into `errors[{field, message}]`, so these refusals name their field the same way.
const refuse = (field: string, message: string) =>
  new APIError("BAD_REQUEST", { message: `[body.${field}] ${message}` });

export const accountRules = createAuthMiddleware(async (ctx) => {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const passwordField = PASSWORD_FIELD[ctx.path];
  const password = passwordField ? body[passwordField] : undefined;
  if (passwordField && typeof password === "string" && isCommonPassword(password))
    throw refuse(
      passwordField,
      "is one of the most common passwords and would be guessed quickly; choose another (a few unrelated words work well)",
    );
  if (NAME_PATHS.has(ctx.path) && (ctx.path === "/sign-up/email" || "name" in body)) {
    const parsed = userNameSchema.safeParse(body.name);
    if (!parsed.success) throw refuse("name", parsed.error.issues[0]?.message ?? "is invalid");
  }
});

/**
 * Better Auth knows only the sliding expiry. This ends a session `maxAgeMs` after it was created: a
 * get-session for an older one answers "no session", deletes it and clears the cookie. (The api's own
 * guard applies the same rule on its quick path: plugins/auth.ts, session-lookup.ts.)
 */
export function sessionAgeLimit(maxAgeMs: number) {
  return createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/get-session") return;
    const returned = ctx.context.returned as { session?: { createdAt?: unknown; token?: unknown } } | null;
    const created = returned?.session?.createdAt;
    const token = returned?.session?.token;
    if (!(created instanceof Date || typeof created === "string") || typeof token !== "string") return;
    if (new Date(created).getTime() + maxAgeMs > Date.now()) return;
    await ctx.context.internalAdapter.deleteSession(token);
    deleteSessionCookie(ctx);
    return ctx.json(null);
  });
}
