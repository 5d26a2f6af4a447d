import { headers } from "next/headers";
import { apiUrl } from "@/env";

export type SessionUser = { id: string; name: string; email: string };
export type SessionResult =
  | { kind: "signed-in"; user: SessionUser }
  | { kind: "signed-out" }
  | { kind: "unavailable"; detail: string };

/** Asks the api who the browser's cookie belongs to, on the server, before any page is rendered. */
export async function getSession(): Promise<SessionResult> {
  const incoming = await headers();
  const cookie = incoming.get("cookie");
  if (!cookie) return { kind: "signed-out" };
  try {
    const response = await fetch(apiUrl("/api/auth/get-session"), {
      headers: { cookie, accept: "application/json" },
      cache: "no-store",
      signal: AbortSignal.timeout(5000),
    });
    if (response.status === 401) return { kind: "signed-out" };
    if (!response.ok) return { kind: "unavailable", detail: `The API answered ${response.status}.` };
    const body = (await response.json()) as { user?: Partial<SessionUser> } | null;
    const user = body?.user;
    if (!user?.id) return { kind: "signed-out" };
    return { kind: "signed-in", user: { id: user.id, name: user.name ?? "", email: user.email ?? "" } };
  } catch {
    return { kind: "unavailable", detail: "The API did not answer." };
  }
}
