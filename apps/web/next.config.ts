import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const here = dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  // One self-contained server per image; scripts/web-standalone.mjs adds the static assets to it.
  output: "standalone",
  // Trace from the monorepo root so workspace packages (@taskflow/core) land in the standalone tree.
  outputFileTracingRoot: resolve(here, "../.."),
  // The workspace packages ship TypeScript source, not built JavaScript.
  transpilePackages: ["@taskflow/core", "@taskflow/db"],
  poweredByHeader: false,
  reactStrictMode: true,
  // No remote images, ever: the image must work offline and behind strict egress rules.
  images: { unoptimized: true },
  // Compression belongs to the ingress; doing it here would buffer the chat's server-sent events
  // that the /api proxy streams through.
  compress: false,
};

export default config;
