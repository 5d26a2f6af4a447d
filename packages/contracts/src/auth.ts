import { z } from "zod";

// Better Auth serves /api/auth/*; these are the shapes of its endpoints Taskflow relies on, written
// once for the OpenAPI document, the web's forms and the api's Better Auth options (password limits).

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** POST /api/auth/sign-up/email */
export const signUpBody = z.object({
  name: z.string().min(1, "must not be empty"),
  email: z.email("must be an email address"),
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpBody>;

/** POST /api/auth/sign-in/email: any password is checked against the account (a wrong one is a 401). */
export const signInBody = z.object({ email: z.email("must be an email address"), password: z.string() });
export type SignInInput = z.infer<typeof signInBody>;

export const authUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AuthUser = z.infer<typeof authUserSchema>;

/** Sign-up and sign-in answer the bearer token (also in the `set-auth-token` header) and the user. */
export const signedInSchema = z.object({
  token: z.string().describe("Send as `Authorization: Bearer <token>`"),
  user: authUserSchema,
});

/** POST /api/auth/sign-out */
export const signOutResponseSchema = z.object({ success: z.boolean() });

/** GET /api/auth/get-session: null when signed out. */
export const sessionResponseSchema = z
  .object({ session: z.object({ expiresAt: z.string(), userId: z.string() }), user: authUserSchema })
  .nullable();
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
