"use client";

import type { CreatedToken, PersonalToken } from "@taskflow/core/contracts";
import { type FormEvent, useEffect, useId, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { AlertIcon, KeyIcon } from "@/components/ui/icons";
import { ApiError, api, errorMessage } from "@/lib/api";
import { relativeTime } from "@/lib/dates";
import { useConfig } from "@/lib/use-config";
import { mcpSnippets, type Snippet } from "./snippets";

const TOKEN_PLACEHOLDER = "<your-token>";

export function TokensPage() {
  const { config, error: configError } = useConfig();
  const [tokens, setTokens] = useState<PersonalToken[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [reload, setReload] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload is the retry trigger.
  useEffect(() => {
    const controller = new AbortController();
    setListError(null);
    api<{ items: PersonalToken[] }>("/api/tokens", { signal: controller.signal })
      .then((list) => setTokens(list.items))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setListError(errorMessage(error));
      });
    return () => controller.abort();
  }, [reload]);

  const mcpUrl = config?.mcp_url ?? "";

  return (
    <main className="mx-auto w-full max-w-4xl flex-1 space-y-6 px-3 py-5 sm:px-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Connect your AI tools</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Let Claude Desktop, Cursor or any MCP client read and manage your tasks. Create a personal token,
          paste the snippet into your client, and ask it to “add buy milk tomorrow”.
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
          Streamable HTTP · authenticate with “Authorization: Bearer &lt;token&gt;”.
        </p>
      </section>

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
          {listError && (
            <div
              role="alert"
              className="flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
            >
              <AlertIcon />
              <span className="flex-1">{listError}</span>
              <button
                type="button"
                className="btn btn-secondary py-1"
                onClick={() => setReload((value) => value + 1)}
              >
                Retry
              </button>
            </div>
          )}
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

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const id = useId();
  const [name, setName] = useState("");
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
      onCreated(await api<CreatedToken>("/api/tokens", { method: "POST", json: { name: trimmed } }));
      setName("");
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.fieldErrors[0]
          ? `Name ${caught.fieldErrors[0].message}`
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

function NewTokenNotice({ token, onDismiss }: { token: CreatedToken; onDismiss: () => void }) {
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
          className="min-w-0 flex-1 rounded-lg border border-emerald-200 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
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

function TokenRow({ token, onRevoked }: { token: PersonalToken; onRevoked: () => void }) {
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

function Snippets({ mcpUrl, token, hasToken }: { mcpUrl: string; token: string; hasToken: boolean }) {
  const snippets = mcpSnippets(mcpUrl, token);
  const [active, setActive] = useState<Snippet["id"]>("claude");
  const current = snippets.find((snippet) => snippet.id === active) ?? snippets[0];
  const tabsId = useId();
  if (!current) return null;
  return (
    <section className="card overflow-hidden" aria-labelledby={`${tabsId}-heading`} data-testid="snippets">
      <div className="px-4 pt-4 sm:px-6 sm:pt-6">
        <h2 id={`${tabsId}-heading`} className="font-semibold">
          Set up your client
        </h2>
        <p className="text-sm text-slate-600">
          {hasToken
            ? "Your new token is filled in below."
            : "Create a token above and it is filled in for you; until then the snippets show a placeholder."}
        </p>
        <div
          role="tablist"
          aria-label="MCP clients"
          className="mt-4 flex gap-1 overflow-x-auto border-b border-slate-200"
        >
          {snippets.map((snippet) => (
            <button
              key={snippet.id}
              type="button"
              role="tab"
              id={`${tabsId}-tab-${snippet.id}`}
              aria-selected={snippet.id === active}
              aria-controls={`${tabsId}-panel`}
              tabIndex={snippet.id === active ? 0 : -1}
              data-testid={`snippet-tab-${snippet.id}`}
              onClick={() => setActive(snippet.id)}
              onKeyDown={(event) => {
                if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
                const index = snippets.findIndex((item) => item.id === active);
                const next =
                  snippets[
                    (index + (event.key === "ArrowRight" ? 1 : snippets.length - 1)) % snippets.length
                  ];
                if (next) {
                  setActive(next.id);
                  document.getElementById(`${tabsId}-tab-${next.id}`)?.focus();
                }
              }}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors ${
                snippet.id === active
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-500 hover:text-slate-800"
              }`}
            >
              {snippet.label}
            </button>
          ))}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${tabsId}-panel`}
        aria-labelledby={`${tabsId}-tab-${current.id}`}
        className="space-y-3 px-4 py-4 sm:px-6 sm:pb-6"
      >
        <p className="text-sm text-slate-600">{current.where}</p>
        <div className="relative">
          <pre
            data-testid="snippet-code"
            data-snippet={current.id}
            className="overflow-x-auto rounded-xl bg-slate-900 p-4 pr-24 font-mono text-[0.8rem] leading-relaxed text-slate-100"
          >
            <code>{current.code}</code>
          </pre>
          <CopyButton
            text={current.code}
            className="absolute top-2.5 right-2.5 border-slate-700 bg-slate-800 text-slate-100 hover:bg-slate-700"
            testId="snippet-copy"
          />
        </div>
      </div>
    </section>
  );
}
