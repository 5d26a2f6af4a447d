// Forgotten passwords, with and without email. With SMTP_URL set, Better Auth's
// /api/auth/request-password-reset mails a one-time token; without it (the embedded laptop setup),
// `npm run reset-password -- <email>` prints one. Either way /api/auth/reset-password {token, newPassword}
// sets the new password (the common-password rule applies), and every session of that user ends.
import type { Transporter } from "nodemailer";

export interface ResetMail {
  user: { email: string; name: string };
  url: string;
  token: string;
}
export type SendResetPassword = (mail: ResetMail) => Promise<void>;

/** How long a reset token works. */
export const RESET_TOKEN_TTL_SECONDS = 60 * 60;

/** The instructions a person gets with a token, by mail or from the CLI. */
export function resetInstructions(publicUrl: string, token: string): string {
  const api = new URL("/api/auth/reset-password", publicUrl).toString();
  const page = new URL("/reset-password", publicUrl);
  page.searchParams.set("token", token);
  return [
    `Your one-time password reset token (valid for ${RESET_TOKEN_TTL_SECONDS / 60} minutes): ${token}`,
    "",
    `Choose a new password here: ${page.toString()}`,
    "",
    "Or set it from a terminal:",
    `  curl -s ${api} -H 'content-type: application/json' \\`,
    `    -d '{"token":"${token}","newPassword":"<your new password>"}'`,
    "",
    "If you did not ask for this, ignore it: your password stays as it is.",
  ].join("\n");
}

/** Sends reset mails through the SMTP server at `smtpUrl` (smtp://user:pass@host:port, or smtps://). */
export function createResetMailer(smtpUrl: string, from: string, publicUrl: string): SendResetPassword {
  // nodemailer (about fifty modules) is loaded with the first mail, not at every start of the api.
  let transport: Promise<Transporter> | undefined;
  return async ({ user, token }) => {
    transport ??= import("nodemailer")
      .then((mailer) => mailer.default.createTransport(smtpUrl))
      .catch((error: unknown) => {
        transport = undefined; // the next mail tries again
        throw error;
      });
    await (await transport).sendMail({
      from,
      to: user.email,
      subject: "Reset your Taskflow password",
      text: `Hello ${user.name},\n\n${resetInstructions(publicUrl, token)}\n`,
    });
  };
}
