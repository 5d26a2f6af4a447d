import { api } from "@/lib/api";

/** Does the browser's session cookie open an account now? Any failure to tell counts as no. */
export async function signedIn(): Promise<boolean> {
  try {
    const session = await api<{ user?: { id?: string } } | null>("/api/auth/get-session", {
      redirectOn401: false,
      headers: { "cache-control": "no-store" },
    });
    return Boolean(session?.user?.id);
  } catch {
    return false;
  }
}
