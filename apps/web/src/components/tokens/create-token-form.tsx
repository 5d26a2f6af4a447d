"use client";

import type { CreatedToken } from "@taskflow/contracts";
import { type FormEvent, useId, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { SelectField } from "@/components/ui/select-field";
import { ApiError, api, errorMessage } from "@/lib/api";
import { EXPIRY_CHOICES } from "./token-expiry";

/** The expiry choices as the select's options: a number of days, "" for never. */
const EXPIRY_OPTIONS = EXPIRY_CHOICES.map((choice) => ({
  value: String(choice.days ?? ""),
  label: choice.days ? `Expires ${choice.label.toLowerCase()}` : "Never expires",
}));

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [expiresInDays, setExpiresInDays] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError("Name the token after where you will use it, e.g. “Claude on my laptop”.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const json = expiresInDays ? { name: trimmed, expires_in_days: expiresInDays } : { name: trimmed };
      onCreated(await api<CreatedToken>("/api/tokens", { method: "POST", json }));
      setName("");
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.fieldErrors[0]
          ? `${caught.fieldErrors[0].field.endsWith("expires_in_days") ? "Expiry" : "Name"} ${caught.fieldErrors[0].message}`
          : errorMessage(caught),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-5" data-testid="token-form">
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-700">
        Token name
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          data-testid="token-name"
          className="field sm:max-w-sm"
          placeholder="Claude on my laptop"
          maxLength={100}
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
        />
        <SelectField
          id={`${id}-expiry`}
          testId="token-expiry"
          label="Expires"
          className="sm:w-40"
          title="When the token stops working"
          value={String(expiresInDays ?? "")}
          options={EXPIRY_OPTIONS}
          onValue={(days) => setExpiresInDays(days ? Number(days) : null)}
        />
        <button type="submit" className="btn btn-primary" disabled={pending} data-testid="token-create">
          {pending ? "Creating…" : "Create token"}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}

export function NewTokenNotice({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
  return (
    <div
      className="mt-5 animate-rise rounded-xl border border-emerald-200 bg-emerald-50 p-4"
      role="status"
      data-testid="token-created"
    >
      <p className="text-sm font-semibold text-emerald-900">Token “{token.name}” created</p>
      <p className="mt-0.5 text-sm text-emerald-800">
        Copy it now — for your security it will not be shown again.
      </p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          data-testid="token-value"
          className="min-w-0 flex-1 rounded-lg border border-emerald-200 bg-surface px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
        >
          {token.token}
        </code>
        <div className="flex gap-2">
          <CopyButton text={token.token} label="Copy token" testId="token-copy" />
          <button type="button" className="btn btn-ghost px-2.5 py-1.5 text-xs" onClick={onDismiss}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
