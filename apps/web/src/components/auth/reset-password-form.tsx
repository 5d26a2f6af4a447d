"use client";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordSchema } from "@taskflow/contracts";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { ApiError, api, errorMessage } from "@/lib/api";
import { FormAlert, SubmitButton, TextField } from "./auth-field";

const LINK = "font-medium text-brand-600 hover:text-brand-700 hover:underline";
const EXPIRED = "This reset link or token has expired or was already used.";

type Errors = { token?: string; password?: string; form?: string; expired?: boolean };

/** POST /api/auth/reset-password {newPassword, token}; the token comes from the link or is typed. */
export function ResetPasswordForm({ token: fromLink, linkInvalid }: { token: string; linkInvalid: boolean }) {
  const id = useId();
  const [token, setToken] = useState(fromLink);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>(linkInvalid ? { form: EXPIRED, expired: true } : {});
  const [pending, setPending] = useState(false);
  const askToken = !fromLink || linkInvalid;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!token.trim()) found.token = "Enter the reset token you were given.";
    const issue = passwordSchema.safeParse(password).error?.issues[0];
    if (issue)
      found.password =
        issue.code === "too_big"
          ? `Use at most ${PASSWORD_MAX_LENGTH} characters.`
          : `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    setErrors(found);
    if (found.token || found.password) return;
    setPending(true);
    try {
      await api("/api/auth/reset-password", {
        method: "POST",
        json: { newPassword: password, token: token.trim() },
        redirectOn401: false,
      });
      window.location.assign("/sign-in?notice=password-reset");
    } catch (caught) {
      setPending(false);
      const field =
        caught instanceof ApiError ? caught.fieldErrors.find((f) => f.field === "newPassword") : undefined;
      if (field) setErrors({ password: `This password ${field.message}.`.replace(/\.\.$/, ".") });
      else if (caught instanceof ApiError && caught.status === 400 && /token/i.test(caught.message))
        setErrors({ form: EXPIRED, expired: true });
      else setErrors({ form: errorMessage(caught) });
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid="reset-password-form">
      {errors.form && (
        <FormAlert testId="reset-error">
          {errors.form}{" "}
          {errors.expired && (
            <Link href="/forgot-password" className="font-medium underline">
              Ask for a new one.
            </Link>
          )}
        </FormAlert>
      )}
      {askToken && (
        <TextField
          id={`${id}-token`}
          label="Reset token"
          error={errors.token}
          name="token"
          autoComplete="one-time-code"
          spellCheck={false}
          className="font-mono"
          value={token}
          onValue={setToken}
        />
      )}
      <TextField
        id={`${id}-password`}
        label="New password"
        error={errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <SubmitButton pending={pending} label="Set new password" pendingLabel="Saving…" testId="reset-submit" />
      <p className="text-center text-sm text-slate-600">
        <Link href="/sign-in" className={LINK}>
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
