import type { Db } from "@taskflow/db/client";
import { createAuth } from "./create-auth";

/**
 * A one-time password-reset token for the account with this email, or null when there is none. The same
 * token Better Auth mails when SMTP is configured (same table, same lifetime, single use), made here for
 * whoever runs the server — the embedded setup has no mail.
 */
export async function issuePasswordReset(
  db: Db,
  auth: { secret: string; baseUrl: string },
  email: string,
): Promise<string | null> {
  let issued: string | null = null;
  const instance = createAuth({
    db,
    secret: auth.secret,
    baseUrl: auth.baseUrl,
    rateLimitPerMinute: 1000,
    sendResetPassword: async ({ token }) => {
      issued = token;
    },
  });
  await instance.api.requestPasswordReset({ body: { email: email.trim().toLowerCase() } });
  return issued;
}
