"use client";

import { useId, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { mcpSnippets, type Snippet } from "./snippets";

export function Snippets({ mcpUrl, token, hasToken }: { mcpUrl: string; token: string; hasToken: boolean }) {
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
          Clients that sign in need only the URL.{" "}
          {hasToken
            ? "For the others, your new token is filled in below."
            : "For the others, create a token above and it is filled in for you; until then they show a placeholder."}
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
            className="overflow-x-auto rounded-xl bg-code p-4 pr-24 font-mono text-[0.8rem] leading-relaxed text-on-code"
          >
            <code>{current.code}</code>
          </pre>
          <CopyButton
            text={current.code}
            className="absolute top-2.5 right-2.5 border-on-code/25 bg-code-raised text-on-code hover:bg-on-code/20"
            testId="snippet-copy"
          />
        </div>
      </div>
    </section>
  );
}
