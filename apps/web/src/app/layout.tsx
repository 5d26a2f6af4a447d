import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Pwa } from "@/components/pwa/pwa";
import { themeScript } from "@/components/theme/theme-script";
import "./globals.css";

// Rendered per request, every page (the not-found page too): each response carries its own CSP nonce
// (src/proxy.ts), and a page prerendered at build time would have scripts without it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Taskflow", template: "%s · Taskflow" },
  description: "Tasks, with an assistant that can add, finish and tidy them for you.",
  icons: { icon: "/icon.svg", apple: "/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#4f46e5" },
    { media: "(prefers-color-scheme: dark)", color: "#0f172b" },
  ],
};

/** The nonce src/proxy.ts put in this request's CSP (Next puts the same one on its own scripts). */
async function cspNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = await cspNonce();
  return (
    // The head script sets the theme class (and data-theme) before paint, so <html> differs from the
    // server's render by design.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, allowed by the page's CSP nonce */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh font-sans">
        <Pwa />
        {children}
      </body>
    </html>
  );
}
