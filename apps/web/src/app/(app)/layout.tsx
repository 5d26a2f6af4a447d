import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/keyboard/skip-link";
import { AppHeader } from "@/components/shell/app-header";
import { MeProvider } from "@/components/shell/me-provider";
import { getSession } from "@/lib/server/session";

// Every page in this group needs a signed-in user; the check runs on the server with the
// browser's cookie, so signed-out visitors never see a flash of an empty board.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (session.kind === "signed-out") redirect("/sign-in");
  if (session.kind === "unavailable") {
    return (
      <main className="flex min-h-dvh items-center justify-center p-6">
        <div className="card max-w-md p-8 text-center" role="alert" data-testid="api-unavailable">
          <h1 className="text-lg font-semibold">Taskflow is temporarily unavailable</h1>
          <p className="mt-2 text-sm text-slate-600">
            {session.detail} Your tasks are safe; try again in a moment.
          </p>
          <a href="/" className="btn btn-primary mt-6">
            Try again
          </a>
        </div>
      </main>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <AppHeader userName={session.user.name || session.user.email} email={session.user.email} />
      <MeProvider>{children}</MeProvider>
    </div>
  );
}
