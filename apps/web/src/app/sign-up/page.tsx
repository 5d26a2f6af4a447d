import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { AuthShell } from "@/components/auth/auth-shell";
import { safeNextPath } from "@/components/auth/safe-next";
import { getSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Create account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  // Only ever a path on this site (see safe-next.ts): where to continue once the account exists.
  const destination = safeNextPath(typeof next === "string" ? next : undefined);
  const session = await getSession();
  if (session.kind === "signed-in") redirect(destination);
  return (
    <AuthShell title="Create your account" subtitle="Free, private, and ready in seconds.">
      <AuthForm mode="sign-up" next={destination} />
    </AuthShell>
  );
}
