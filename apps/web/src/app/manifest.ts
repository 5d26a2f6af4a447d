import type { MetadataRoute } from "next";

// The web app manifest (served at /manifest.webmanifest and linked from every page by Next), which makes
// Taskflow installable. The PNG icons in public/ are rendered from icon.svg's mark with sharp (already
// in node_modules through Next); the maskable one keeps the mark inside the 80 % safe circle on a
// full-bleed brand square. The service worker that serves the shell offline is public/sw.js.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Taskflow",
    short_name: "Taskflow",
    description: "Tasks, with an assistant that can add, finish and tidy them for you.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    // The brand indigo of the header and buttons; the page background of the light theme (slate-50).
    theme_color: "#4f46e5",
    background_color: "#f8fafc",
    categories: ["productivity"],
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
