import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth/auth-shell";
import { ConsentForm } from "@/components/oauth/consent-form";
import { apiUrl } from "@/env";
import { getSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Connect an app" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** The client's public details (name, site), as Better Auth shows them to the signed-in user. */
async function clientDetails(clientId: string, cookie: string) {
  try {
    const response = await fetch(
      apiUrl(`/api/auth/oauth2/public-client?client_id=${encodeURIComponent(clientId)}`),
      {
        headers: { cookie, accept: "application/json" },
        cache: "no-store",
        signal: AbortSignal.timeout(5000),
      },
    );
    if (!response.ok) return null;
    return (await response.json()) as { client_name?: string; client_uri?: string; logo_uri?: string };
  } catch {
    return null;
  }
}

/** Better Auth's consent step (`consentPage`): which app, what it may do, Approve or Deny. */
export default async function ConsentPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      query.append(key, item);
  const session = await getSession();
  if (session.kind === "signed-out")
    redirect(`/sign-in?next=${encodeURIComponent(`/oauth/consent?${query}`)}`);
  const clientId = one(params.client_id);
  if (session.kind === "unavailable" || !clientId) {
    return (
      <AuthShell title="Can't connect right now" subtitle="Taskflow could not load this request.">
        <p className="text-sm text-slate-600">
          {session.kind === "unavailable" ? session.detail : "The link is incomplete."} Start the connection
          again from your AI tool.
        </p>
      </AuthShell>
    );
  }
  const client = await clientDetails(clientId, (await headers()).get("cookie") ?? "");
  const name = client?.client_name?.trim() || "An app";
  const scopes = (one(params.scope) ?? "").split(" ").filter(Boolean);
  return (
    <AuthShell title={`Connect ${name}?`} subtitle={`Signed in as ${session.user.email}.`}>
      <ConsentForm
        clientName={name}
        clientUri={client?.client_uri ?? null}
        scopes={scopes}
        search={query.toString()}
      />
    </AuthShell>
  );
}
