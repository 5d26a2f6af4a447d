import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Pwa } from "@/components/pwa/pwa";
import "./globals.css";

// Rendered per request, every page (the not-found page too): each response carries its own CSP nonce
// (src/proxy.ts), and a page prerendered at build time would have scripts without it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Taskflow", template: "%s · Taskflow" },
  description: "Tasks, with an assistant that can add, finish and tidy them for you.",
  icons: { icon: "/icon.svg", apple: "/apple-touch-icon.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4f46e5" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <Pwa />
        {children}
      </body>
    </html>
  );
}
