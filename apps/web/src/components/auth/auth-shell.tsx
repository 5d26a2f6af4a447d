import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme/theme-toggle";

export function AuthShell({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <main className="relative flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 via-slate-50 to-slate-50 px-4 py-12">
      <ThemeToggle className="absolute top-3 right-3" />
      <Logo className="mb-8 text-xl" />
      <div className="card w-full max-w-sm p-6 sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">{subtitle}</p>
        {children}
      </div>
      <p className="mt-8 max-w-sm text-center text-xs text-slate-500">
        Plan your day, then let the assistant add, finish and tidy tasks for you — or connect Claude and
        Cursor to your list.
      </p>
    </main>
  );
}
