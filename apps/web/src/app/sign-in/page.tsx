import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { authNotice } from "@/components/auth/auth-notices";
import { AuthShell } from "@/components/auth/auth-shell";
import { safeNextPath } from "@/components/auth/safe-next";
import { getSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; notice?: string | string[] }>;
}) {
  const { next, notice } = await searchParams;
  // Only ever a path on this site, whatever ?next= says (see safe-next.ts).
  const destination = safeNextPath(typeof next === "string" ? next : undefined);
  const session = await getSession();
  if (session.kind === "signed-in") redirect(destination);
  return (
    <AuthShell title="Welcome back" subtitle="Sign in to your Taskflow board.">
      <AuthForm mode="sign-in" next={destination} notice={authNotice(notice)} />
    </AuthShell>
  );
}
