import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const here = dirname(fileURLToPath(import.meta.url));

// The security headers of every page and asset, as the api sends its own (helmet); the page's
// Content-Security-Policy carries a per-request nonce, so src/proxy.ts sets that one. (Kept here, not
// imported: `next dev` compiles this file on its own and cannot follow an import into src/.)
const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  // Full referrer within the site, nothing to other sites (a task title in a URL stays here).
  "Referrer-Policy": "same-origin",
  // Nothing in Taskflow uses these; a script that got in could not either.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  // For browsers without CSP frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const config: NextConfig = {
  // One self-contained server per image; scripts/web-standalone.mjs adds the static assets to it.
  output: "standalone",
  // Trace from the monorepo root so workspace packages (@taskflow/core) land in the standalone tree.
  outputFileTracingRoot: resolve(here, "../.."),
  // The workspace packages ship TypeScript source, not built JavaScript.
  transpilePackages: ["@taskflow/contracts"],
  poweredByHeader: false,
  reactStrictMode: true,
  // No remote images, ever: the image must work offline and behind strict egress rules.
  images: { unoptimized: true },
  // Compression belongs to the ingress; doing it here would buffer the chat's server-sent events
  // that the /api proxy streams through.
  compress: false,
  // Every page and asset; /api/* answers pass on the api's own security headers untouched.
  async headers() {
    return [
      {
        source: "/((?!api/|api$).*)",
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default config;
