"use client";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, signInBody, signUpBody } from "@taskflow/contracts";
import Link from "next/link";
import { type FormEvent, useId, useState } from "react";
import { ApiError, api, errorMessage } from "@/lib/api";
import { FormAlert, SubmitButton, TextField } from "./auth-field";
import { AUTH_NOTICES, type AuthNotice } from "./auth-notices";
import { safeNextPath } from "./safe-next";
import { signedIn } from "./signed-in";

type Mode = "sign-in" | "sign-up";
type Fields = { name: string; email: string; password: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

/** The contracts' sign-up/sign-in schemas decide what is wrong; the wording is the form's own. */
function validate(mode: Mode, fields: Fields): FieldErrors {
  const input = { name: fields.name.trim(), email: fields.email.trim(), password: fields.password };
  const result = (mode === "sign-up" ? signUpBody : signInBody).safeParse(input);
  const errors: FieldErrors = {};
  for (const issue of result.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === "name") errors.name = "Enter your name.";
    if (field === "email") errors.email = "Enter a valid email address.";
    if (field === "password")
      errors.password =
        issue.code === "too_big"
          ? `Use at most ${PASSWORD_MAX_LENGTH} characters.`
          : `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (mode === "sign-in" && !fields.password) errors.password = "Enter your password.";
  return errors;
}

export function AuthForm({ mode, next, notice }: { mode: Mode; next?: string; notice?: AuthNotice }) {
  const id = useId();
  const [fields, setFields] = useState<Fields>({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const signUp = mode === "sign-up";

  function update(field: keyof Fields, value: string) {
    setFields((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const found = validate(mode, fields);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = (["name", "email", "password"] as const).find((field) => found[field]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setPending(true);
    try {
      const email = fields.email.trim();
      if (signUp) {
        await api("/api/auth/sign-up/email", {
          method: "POST",
          json: { name: fields.name.trim(), email, password: fields.password },
          redirectOn401: false,
        });
        // For an email that is already taken the api answers as for a new one, but the session it
        // returns opens nothing: whoever owns the address signs in (or resets the password) instead.
        if (!(await signedIn())) {
          window.location.assign("/sign-in?notice=signed-up");
          return;
        }
      } else {
        await api("/api/auth/sign-in/email", {
          method: "POST",
          json: { email, password: fields.password },
          redirectOn401: false,
        });
      }
      // A full navigation, so the server renders the board with the new session cookie.
      window.location.assign(safeNextPath(next));
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        const mapped: FieldErrors = {};
        for (const { field, message } of error.fieldErrors) {
          if (field === "name" || field === "email" || field === "password") mapped[field] = message;
        }
        setErrors(mapped);
      }
      setFormError(friendly(mode, error));
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" data-testid={`${mode}-form`}>
      {notice && !formError && (
        <div
          role="status"
          data-testid="auth-notice"
          className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900"
        >
          {AUTH_NOTICES[notice]}
        </div>
      )}
      {formError && <FormAlert testId="auth-error">{formError}</FormAlert>}
      {signUp && (
        <TextField
          id={`${id}-name`}
          label="Name"
          error={errors.name}
          name="name"
          autoComplete="name"
          value={fields.name}
          onValue={(value) => update("name", value)}
        />
      )}
      <TextField
        id={`${id}-email`}
        label="Email"
        error={errors.email}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={fields.email}
        onValue={(value) => update("email", value)}
      />
      <TextField
        id={`${id}-password`}
        label="Password"
        error={errors.password}
        hint={signUp ? `At least ${PASSWORD_MIN_LENGTH} characters.` : undefined}
        name="password"
        type="password"
        autoComplete={signUp ? "new-password" : "current-password"}
        value={fields.password}
        onValue={(value) => update("password", value)}
      />
      {!signUp && (
        <p className="-mt-2 text-right text-sm">
          <Link
            href="/forgot-password"
            className="font-medium text-brand-600 hover:text-brand-700 hover:underline"
            data-testid="forgot-password-link"
          >
            Forgot password?
          </Link>
        </p>
      )}
      <SubmitButton
        pending={pending}
        label={signUp ? "Create account" : "Sign in"}
        pendingLabel={signUp ? "Creating account…" : "Signing in…"}
        testId="auth-submit"
      />
      <p className="text-center text-sm text-slate-600">
        {signUp ? "Already have an account? " : "New to Taskflow? "}
        <Link
          // Switching forms keeps where to go next (e.g. back to an AI tool's sign-in to Taskflow).
          href={`${signUp ? "/sign-in" : "/sign-up"}${next && safeNextPath(next) !== "/" ? `?next=${encodeURIComponent(safeNextPath(next))}` : ""}`}
          className="font-medium text-brand-600 hover:text-brand-700 hover:underline"
        >
          {signUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}

function friendly(mode: Mode, error: unknown): string {
  if (error instanceof ApiError) {
    if (mode === "sign-in" && error.status === 401) return "That email and password do not match an account.";
    return error.message;
  }
  return errorMessage(error);
}
