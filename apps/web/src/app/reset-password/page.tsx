import type { Metadata } from "next";
import { AuthShell } from "@/components/auth/auth-shell";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
}) {
  const { token, error } = await searchParams;
  return (
    <AuthShell title="Set a new password" subtitle="Choose a password you don’t use anywhere else.">
      <ResetPasswordForm
        token={typeof token === "string" ? token : ""}
        // Better Auth's link sends an expired or used token here as ?error=INVALID_TOKEN.
        linkInvalid={error === "INVALID_TOKEN"}
      />
    </AuthShell>
  );
}
