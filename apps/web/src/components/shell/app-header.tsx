"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { GearIcon } from "@/components/ui/icons";

const NAV = [
  { href: "/", label: "Board" },
  { href: "/tokens", label: "Connect AI tools" },
  { href: "/settings", label: "Settings" },
] as const;

export function AppHeader({ userName, email }: { userName: string; email: string }) {
  const pathname = usePathname();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      await fetch("/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
        credentials: "same-origin",
      });
    } finally {
      window.location.assign("/sign-in");
    }
  }

  const initials = userName
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-surface/85 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-3 sm:gap-6 sm:px-6">
        <Link href="/" className="rounded-lg" aria-label="Taskflow home">
          {/* The mark alone at phone width, so Board, AI tools, Settings and Sign out fit in 390 px. */}
          <Logo className="max-sm:text-[0px]" />
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          {NAV.map((item) => {
            const active = pathname === item.href;
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                data-testid={`nav-${item.href === "/" ? "board" : item.href.slice(1)}`}
                className={`rounded-lg px-2.5 py-1.5 text-sm font-medium transition-colors ${
                  active
                    ? "bg-brand-50 text-brand-700"
                    : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {item.label === "Connect AI tools" ? (
                  <>
                    <span className="sm:hidden">AI tools</span>
                    <span className="hidden sm:inline">{item.label}</span>
                  </>
                ) : item.label === "Settings" ? (
                  // A gear at phone width, where the header has no room for another word.
                  <>
                    <GearIcon className="sm:hidden" />
                    <span className="sr-only sm:not-sr-only">{item.label}</span>
                  </>
                ) : (
                  item.label
                )}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          <div className="hidden items-center gap-2 sm:flex" title={email}>
            <span
              aria-hidden="true"
              className="grid size-8 place-items-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
            >
              {initials || "?"}
            </span>
            <span className="max-w-40 truncate text-sm font-medium text-slate-700" data-testid="user-name">
              {userName}
            </span>
          </div>
          <ThemeToggle compact />
          <button
            type="button"
            onClick={signOut}
            disabled={signingOut}
            className="btn btn-ghost px-2.5"
            data-testid="sign-out"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </button>
        </div>
      </div>
    </header>
  );
}
