"use client";

import { useState } from "react";
import { FormAlert } from "@/components/auth/auth-field";
import { ChoiceButtons } from "@/components/ui/choice-buttons";
import { api, errorMessage } from "@/lib/api";
import { scopeWords, signedOAuthQuery } from "./scopes";

/**
 * Approve or Deny, posted to Better Auth's /oauth2/consent with the signed request this page was opened
 * with; it answers with where to send the browser (the app's redirect URI, with a code or an error).
 * When the app asks to change tasks, the user may still allow reading only.
 */
export function ConsentForm({
  clientName,
  clientUri,
  scopes,
  search,
}: {
  clientName: string;
  clientUri: string | null;
  scopes: string[];
  search: string;
}) {
  const [allowChanges, setAllowChanges] = useState(true);
  const [pending, setPending] = useState<"approve" | "deny" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const redirectHost = hostOf(new URLSearchParams(search).get("redirect_uri"));
  const asksWrite = scopes.includes("tasks:write");
  const granted = asksWrite && !allowChanges ? scopes.filter((s) => s !== "tasks:write") : scopes;
  if (asksWrite && !allowChanges && !granted.includes("tasks:read")) granted.push("tasks:read");

  async function answer(accept: boolean) {
    setPending(accept ? "approve" : "deny");
    setError(null);
    try {
      const result = await api<{ redirect_uri?: string; url?: string }>("/api/auth/oauth2/consent", {
        method: "POST",
        json: {
          accept,
          ...(accept && granted.length !== scopes.length ? { scope: granted.join(" ") } : {}),
          oauth_query: signedOAuthQuery(search),
        },
      });
      const next = result.redirect_uri ?? result.url;
      if (!next) throw new Error("Taskflow did not say where to go next; start again from your AI tool.");
      window.location.assign(next);
    } catch (caught) {
      setPending(null);
      setError(errorMessage(caught));
    }
  }

  return (
    <div className="space-y-5" data-testid="oauth-consent">
      <p className="text-sm text-slate-700">
        <strong>{clientName}</strong>
        {clientUri ? <span className="text-slate-500"> ({hostOf(clientUri) ?? clientUri})</span> : null} wants
        to use your Taskflow account. It will be able to:
      </p>
      <ul className="space-y-2 text-sm text-slate-800" data-testid="oauth-scopes">
        {scopes.map((scope) => (
          <li key={scope} className="flex gap-2">
            <span aria-hidden className="text-brand-600">
              ✓
            </span>
            <span
              className={scope === "tasks:write" && !allowChanges ? "text-slate-500 line-through" : undefined}
            >
              {scopeWords(scope)}
            </span>
          </li>
        ))}
      </ul>
      {asksWrite && (
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="mt-0.5"
            checked={allowChanges}
            onChange={(event) => setAllowChanges(event.target.checked)}
            data-testid="oauth-allow-changes"
          />
          Allow it to change tasks (uncheck for read-only access)
        </label>
      )}
      <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
        Approve only if you just asked your AI tool to connect to Taskflow. The name is what the app calls
        itself{redirectHost ? <>; you will be sent back to {redirectHost}</> : null}. You can revoke access
        any time on the Connect AI tools page.
      </p>
      {error && <FormAlert>{error}</FormAlert>}
      <ChoiceButtons
        className="gap-3"
        buttonClassName="flex-1"
        disabled={pending !== null}
        choices={[
          {
            label: pending === "approve" ? "Connecting…" : "Approve",
            testId: "oauth-approve",
            onClick: () => answer(true),
          },
          {
            label: pending === "deny" ? "Denying…" : "Deny",
            testId: "oauth-deny",
            onClick: () => answer(false),
          },
        ]}
      />
    </div>
  );
}

function hostOf(uri: string | null): string | null {
  if (!uri) return null;
  try {
    return new URL(uri).host;
  } catch {
    return null;
  }
}
