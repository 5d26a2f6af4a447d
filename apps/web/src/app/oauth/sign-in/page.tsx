// Better Auth's oauth-provider sends a browser that is not signed in here (its `loginPage`) with the
// authorization request. Sign in, then come back to the same /authorize request, which now continues
// to the consent page. Only the client's own parameters travel on (the signature is for consent).
import { redirect } from "next/navigation";

export const dynamic = "force-dynamic";

const OURS = new Set(["sig", "exp", "ba_iat", "ba_param", "ba_pl"]);

export default async function OAuthSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    if (OURS.has(key) || key === "prompt") continue;
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      query.append(key, item);
  }
  redirect(`/sign-in?next=${encodeURIComponent(`/api/auth/oauth2/authorize?${query}`)}`);
}
