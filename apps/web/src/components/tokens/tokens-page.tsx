"use client";

import type { CreatedToken, PersonalToken, TokenList } from "@taskflow/contracts";
import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorState } from "@/components/ui/error-state";
import { KeyIcon } from "@/components/ui/icons";
import { useApiData } from "@/lib/use-api-data";
import { useConfig } from "@/lib/use-config";
import { ConnectedApps } from "./connected-apps";
import { CreateTokenForm, NewTokenNotice } from "./create-token-form";
import { Snippets } from "./snippets-panel";
import { TokenRow } from "./token-row";

const TOKEN_PLACEHOLDER = "<your-token>";

export function TokensPage() {
  const { config, error: configError } = useConfig();
  const list = useApiData<TokenList>("/api/tokens");
  const tokens = list.data?.items ?? null;
  const listError = list.error;
  const setTokens = (update: (current: PersonalToken[] | null) => PersonalToken[] | null) =>
    list.setData((current) => {
      const items = update(current?.items ?? null);
      return items && { items };
    });
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const mcpUrl = config?.mcp_url ?? "";

  return (
    <main className="mx-auto w-full max-w-4xl flex-1 space-y-6 px-3 py-5 sm:px-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Connect your AI tools</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Let claude.ai, ChatGPT, VS Code, Claude Code, Cursor or any MCP client read and manage your tasks.
          Clients that sign in (OAuth) need only the URL below: you approve them here. For the others, create
          a personal token and paste the snippet. Then ask “add buy milk tomorrow”.
        </p>
      </div>

      <section className="card p-4 sm:p-6" aria-labelledby="mcp-url-heading">
        <h2 id="mcp-url-heading" className="text-sm font-semibold">
          Your MCP server
        </h2>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {configError ? (
            <p className="text-sm text-red-700">Could not load the server address: {configError}</p>
          ) : (
            <>
              <code
                data-testid="mcp-url"
                className="min-w-0 flex-1 truncate rounded-lg bg-slate-100 px-3 py-2 font-mono text-sm text-slate-800"
              >
                {mcpUrl || "Loading…"}
              </code>
              {mcpUrl && <CopyButton text={mcpUrl} label="Copy URL" />}
            </>
          )}
        </div>
        <p className="mt-2 text-xs text-slate-500">
          Streamable HTTP · sign in with OAuth (paste the URL) or send “Authorization: Bearer &lt;token&gt;”.
        </p>
      </section>

      <ConnectedApps />

      <section className="card p-4 sm:p-6" aria-labelledby="tokens-heading">
        <div className="flex items-start gap-3">
          <span className="grid size-9 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-600">
            <KeyIcon />
          </span>
          <div>
            <h2 id="tokens-heading" className="font-semibold">
              Personal access tokens
            </h2>
            <p className="text-sm text-slate-600">
              One token per device or app, so you can revoke one without breaking the others.
            </p>
          </div>
        </div>

        <CreateTokenForm
          onCreated={(token) => {
            setCreated(token);
            setTokens((current) => [token, ...(current ?? []).filter((item) => item.id !== token.id)]);
          }}
        />

        {created && <NewTokenNotice token={created} onDismiss={() => setCreated(null)} />}

        <div className="mt-6">
          {listError && <ErrorState variant="inline" message={listError} onRetry={list.reload} />}
          {tokens === null && !listError && <p className="text-sm text-slate-500">Loading tokens…</p>}
          {tokens?.length === 0 && (
            <p
              className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500"
              data-testid="tokens-empty"
            >
              No tokens yet. Create one above to connect your first tool.
            </p>
          )}
          {tokens && tokens.length > 0 && (
            <ul
              className="divide-y divide-slate-100 rounded-xl border border-slate-200"
              data-testid="token-list"
            >
              {tokens.map((token) => (
                <TokenRow
                  key={token.id}
                  token={token}
                  onRevoked={() => {
                    setTokens((current) => current?.filter((item) => item.id !== token.id) ?? null);
                    if (created?.id === token.id) setCreated(null);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
      </section>

      <Snippets
        mcpUrl={mcpUrl || "http://localhost:8080/mcp"}
        token={created?.token ?? TOKEN_PLACEHOLDER}
        hasToken={created !== null}
      />
    </main>
  );
}
