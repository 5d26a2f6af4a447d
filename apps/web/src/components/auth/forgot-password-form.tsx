"use client";

import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { ApiError, api, errorMessage } from "@/lib/api";
import { FormAlert, SubmitButton, TextField } from "./auth-field";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Outcome = { kind: "sent"; email: string } | { kind: "no-mail"; email: string };

const LINK = "font-medium text-brand-600 hover:text-brand-700 hover:underline";

/** POST /api/auth/request-password-reset. Without SMTP the api refuses; then the server's operator issues the token. */
export function ForgotPasswordForm() {
  const id = useId();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const trimmed = email.trim();
    if (!EMAIL.test(trimmed)) {
      setError("Enter a valid email address.");
      document.getElementById(`${id}-email`)?.focus();
      return;
    }
    setPending(true);
    try {
      await api("/api/auth/request-password-reset", {
        method: "POST",
        json: { email: trimmed, redirectTo: `${window.location.origin}/reset-password` },
        redirectOn401: false,
      });
      setOutcome({ kind: "sent", email: trimmed });
    } catch (caught) {
      // Better Auth refuses the request when the server has no way to send mail.
      if (caught instanceof ApiError && caught.status === 400 && /enabled/i.test(caught.message))
        setOutcome({ kind: "no-mail", email: trimmed });
      else if (caught instanceof ApiError && caught.fieldErrors.some((f) => f.field === "email"))
        setError("Enter a valid email address.");
      else setFormError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  if (outcome) {
    return (
      <div className="space-y-4 text-sm text-slate-700" role="status" data-testid="forgot-outcome">
        {outcome.kind === "sent" ? (
          <p data-testid="forgot-sent">
            If an account uses <strong>{outcome.email}</strong>, a one-time reset link is on its way. It works
            for an hour.
          </p>
        ) : (
          <p data-testid="forgot-no-mail">
            This Taskflow server cannot send email. Ask whoever runs it for a reset token (
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">
              npm run reset-password -- {outcome.email}
            </code>
            ), then enter it on the next page.
          </p>
        )}
        <p className="flex justify-between gap-3">
          <Link href="/reset-password" className={LINK} data-testid="have-token-link">
            I have a reset token
          </Link>
          <Link href="/sign-in" className={LINK}>
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="forgot-password-form">
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextField
        id={`${id}-email`}
        label="Email"
        error={error ?? undefined}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={email}
        onValue={(value) => {
          setEmail(value);
          setError(null);
        }}
      />
      <SubmitButton
        pending={pending}
        label="Send reset link"
        pendingLabel="Sending…"
        testId="forgot-submit"
      />
      <p className="text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link href="/sign-in" className={LINK}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
