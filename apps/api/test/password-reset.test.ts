// A forgotten password, both ways: with SMTP_URL the api mails a one-time token (caught here by a tiny
// local SMTP sink), without mail `npm run reset-password` issues the same token. The token sets a new
// password once, ends every session, is refused the second time, and a common new password is refused.
// Asking for an unknown email answers exactly as for a known one and sends nothing.
import { EMBEDDED_DEV_SECRETS } from "@taskflow/runtime/env";
import { engines } from "@taskflow/testing/databases";
import { expectProblem, http } from "@taskflow/testing/http";
import { startSmtpSink } from "@taskflow/testing/smtp-sink";
import { startTestStack, type TestStack, type TestUser } from "@taskflow/testing/stack";
import { eventually } from "@taskflow/testing/wait";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issuePasswordReset } from "../src/auth/issue-password-reset";

const NEW_PASSWORD = "marble teapot horizon";

describe.each(engines)("password reset on %s", (engine) => {
  let stack: TestStack;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    stack = await startTestStack(engine, {
      env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_FROM: "Taskflow <taskflow@example.com>" },
    });
  });
  afterAll(async () => {
    await stack?.close();
    sink?.server.close();
  });

  const signIn = (email: string, password: string) =>
    http<{ token: string }>(stack.apiUrl, "POST", "/api/auth/sign-in/email", { json: { email, password } });
  const resetWith = (token: string, newPassword: string) =>
    http(stack.apiUrl, "POST", "/api/auth/reset-password", { json: { token, newPassword } });

  /** Uses a token: a common password is refused, a good one works once; old password and sessions end. */
  async function expectTokenResets(user: TestUser, token: string) {
    expectProblem(await resetWith(token, "password1"), 400, ["newPassword"]);
    expect((await resetWith(token, NEW_PASSWORD)).status).toBe(200);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    expect((await signIn(user.email, user.password)).status).toBe(401);
    expect((await http(stack.apiUrl, "GET", "/api/tasks", { headers: user.headers })).status).toBe(401);
    expect((await resetWith(token, "another fine passphrase")).status).toBe(400);
  }

  it("with SMTP: the token arrives by mail to the account's address, and works once", async () => {
    const user = await stack.signUp("Mailed");
    const asked = await http(stack.apiUrl, "POST", "/api/auth/request-password-reset", {
      json: { email: user.email },
    });
    expect(asked.status).toBe(200);
    await eventually(() => sink.mails.some((m) => m.to.includes(user.email)), "the reset mail");
    const mail = sink.mails.find((m) => m.to.includes(user.email));
    expect(mail, "a mail to the user").toBeDefined();
    expect(mail?.from).toContain("taskflow@example.com");
    // The body may be quoted-printable: undo its soft line breaks before reading the token.
    const body = (mail?.data ?? "").replace(/=\r\n/g, "");
    const token = /reset token[^:]*: ([A-Za-z0-9]+)/.exec(body)?.[1];
    expect(token, body).toBeDefined();
    // The mail links to the web's reset page with the token (quoted-printable encodes "=" as "=3D").
    expect(body.replace(/=3D/g, "=")).toContain(`/reset-password?token=${token}`);
    await expectTokenResets(user, token ?? "");
  });

  it("an unknown email gets the same answer and no mail", async () => {
    const user = await stack.signUp("Known");
    const known = await http(stack.apiUrl, "POST", "/api/auth/request-password-reset", {
      json: { email: user.email },
    });
    await eventually(() => sink.mails.some((m) => m.to.includes(user.email)), "the known user's mail");
    const before = sink.mails.length;
    const unknown = await http(stack.apiUrl, "POST", "/api/auth/request-password-reset", {
      json: { email: `nobody-${Date.now()}@example.com` },
    });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.mails.length).toBe(before);
  });

  it("without mail: the CLI's token (issuePasswordReset) works the same; none for an unknown email", async () => {
    const user = await stack.signUp("Offline");
    const auth = { secret: EMBEDDED_DEV_SECRETS.BETTER_AUTH_SECRET, baseUrl: "http://localhost:3000" };
    expect(
      await issuePasswordReset(stack.db.database.db, auth, `nobody-${Date.now()}@example.com`),
    ).toBeNull();
    const token = await issuePasswordReset(stack.db.database.db, auth, ` ${user.email.toUpperCase()} `);
    expect(token).toEqual(expect.any(String));
    await expectTokenResets(user, token ?? "");
  });
});
