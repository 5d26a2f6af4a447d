import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { AuthShell } from "@/components/auth/auth-shell";
import { getSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Create account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage() {
  const session = await getSession();
  if (session.kind === "signed-in") redirect("/");
  return (
    <AuthShell title="Create your account" subtitle="Free, private, and ready in seconds.">
      <AuthForm mode="sign-up" />
    </AuthShell>
  );
}
