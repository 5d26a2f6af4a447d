"use client";

import type { PersonalToken } from "@taskflow/contracts";
import { relativeTime } from "@/lib/dates";
import { RevokeControl, useRevoke } from "./revoke-control";
import { expiryLabel } from "./token-expiry";

export function TokenRow({ token, onRevoked }: { token: PersonalToken; onRevoked: () => void }) {
  const revoke = useRevoke(`/api/tokens/${token.id}`, onRevoked);
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
        {revoke.error && <p className="mt-1 text-xs text-red-700">{revoke.error}</p>}
      </div>
      <RevokeControl state={revoke} question="Revoke? Clients using it stop working." testId="token-revoke" />
    </li>
  );
}
