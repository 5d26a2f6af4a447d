"use client";

import type { PersonalToken } from "@taskflow/contracts";
import { useState } from "react";
import { api, errorMessage } from "@/lib/api";
import { relativeTime } from "@/lib/dates";
import { expiryLabel } from "./token-expiry";

export function TokenRow({ token, onRevoked }: { token: PersonalToken; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      await api(`/api/tokens/${token.id}`, { method: "DELETE" });
      onRevoked();
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  const expiry = expiryLabel(token.expires_at);
  return (
    <li
      className="flex flex-wrap items-center gap-3 px-4 py-3"
      data-testid="token-item"
      data-token-id={token.id}
    >
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" data-testid="token-item-name">
          {token.name}
        </p>
        <p className="text-xs text-slate-500">
          <code className="font-mono">{token.prefix}…</code> · created {relativeTime(token.created_at)} ·{" "}
          {token.last_used_at ? `last used ${relativeTime(token.last_used_at)}` : "never used"}
          {expiry && (
            <>
              {" · "}
              <span
                data-testid="token-expiry-label"
                className={expiry === "expired" ? "font-medium text-red-700" : undefined}
              >
                {expiry}
              </span>
            </>
          )}
        </p>
        {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
      </div>
      {confirming ? (
        <div className="flex items-center gap-2">
          <span className="text-sm text-slate-600">Revoke? Clients using it stop working.</span>
          <button
            type="button"
            className="btn btn-secondary py-1.5"
            onClick={() => setConfirming(false)}
            disabled={pending}
          >
            Keep
          </button>
          <button
            type="button"
            className="btn bg-red-600 py-1.5 text-white hover:bg-red-700"
            onClick={revoke}
            disabled={pending}
            data-testid="token-revoke-confirm"
          >
            {pending ? "Revoking…" : "Revoke"}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-danger py-1.5"
          onClick={() => setConfirming(true)}
          data-testid="token-revoke"
        >
          Revoke
        </button>
      )}
    </li>
  );
}
