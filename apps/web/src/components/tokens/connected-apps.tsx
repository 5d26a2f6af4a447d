"use client";

import type { ConnectedApp, ConnectedAppList } from "@taskflow/contracts";
import { scopeWords } from "@/components/oauth/scopes";
import { ErrorState } from "@/components/ui/error-state";
import { relativeTime } from "@/lib/dates";
import { useApiData } from "@/lib/use-api-data";
import { RevokeControl, useRevoke } from "./revoke-control";

/** The apps connected through OAuth (claude.ai, ChatGPT, VS Code…), each with its last use and Revoke. */
export function ConnectedApps() {
  const { data, error, reload, setData } = useApiData<ConnectedAppList>("/api/connected-apps");
  const apps = data?.apps ?? null;
  return (
    <section
      className="card p-4 sm:p-6"
      aria-labelledby="connected-apps-heading"
      data-testid="connected-apps"
    >
      <h2 id="connected-apps-heading" className="font-semibold">
        Connected apps
      </h2>
      <p className="text-sm text-slate-600">
        Apps you approved when they asked to sign in to Taskflow. Revoking one disconnects it at once.
      </p>
      <div className="mt-4">
        {error && <ErrorState variant="inline" message={error} onRetry={reload} />}
        {apps === null && !error && <p className="text-sm text-slate-500">Loading connected apps…</p>}
        {apps?.length === 0 && (
          <p className="text-sm text-slate-500" data-testid="connected-apps-empty">
            None yet. Add Taskflow's URL to claude.ai, ChatGPT or VS Code and approve it here.
          </p>
        )}
        {apps && apps.length > 0 && (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200">
            {apps.map((app) => (
              <ConnectedAppRow
                key={app.client_id}
                app={app}
                onRevoked={() =>
                  setData(
                    (current) =>
                      current && { apps: current.apps.filter((a) => a.client_id !== app.client_id) },
                  )
                }
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function ConnectedAppRow({ app, onRevoked }: { app: ConnectedApp; onRevoked: () => void }) {
  const revoke = useRevoke(`/api/connected-apps/${encodeURIComponent(app.client_id)}`, onRevoked);
  const access = app.scopes.includes("tasks:write") ? scopeWords("tasks:write") : scopeWords("tasks:read");
  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid="connected-app">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" data-testid="connected-app-name">
          {app.name}
        </p>
        <p className="text-xs text-slate-500">
          {access} · connected {relativeTime(app.connected_at)} ·{" "}
          {app.last_used_at ? `last used ${relativeTime(app.last_used_at)}` : "not used yet"}
        </p>
        {revoke.error && <p className="mt-1 text-xs text-red-700">{revoke.error}</p>}
      </div>
      <RevokeControl state={revoke} question={`Disconnect ${app.name}?`} testId="connected-app-revoke" />
    </li>
  );
}
