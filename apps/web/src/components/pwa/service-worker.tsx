"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Same-origin built assets this page has loaded (scripts, styles, fonts), as paths. */
function loadedAssets(): string[] {
  const urls = [
    ...performance.getEntriesByType("resource").map((entry) => entry.name),
    ...Array.from(document.querySelectorAll<HTMLScriptElement>("script[src]"), (script) => script.src),
    ...Array.from(document.querySelectorAll<HTMLLinkElement>("link[href]"), (link) => link.href),
  ];
  const paths = new Set<string>();
  for (const value of urls) {
    const url = new URL(value, window.location.href);
    if (url.origin === window.location.origin && url.pathname.startsWith("/_next/static/"))
      paths.add(url.pathname);
  }
  return [...paths];
}

/**
 * Registers public/sw.js (not under `next dev`, whose assets change under the same names) and, on each
 * page, hands it the assets the page loaded: the first visit's answers did not pass through the worker,
 * and after signing in the board arrives by client-side navigation.
 */
export function ServiceWorker({ enabled }: { enabled: boolean }) {
  const pathname = usePathname();
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        if (cancelled || pathname === null) return;
        registration.active?.postMessage({ type: "keep-shell", assets: loadedAssets() });
      })
      .catch(() => {
        // No worker (a private window, a browser setting): the app works as before, online only.
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, pathname]);
  return null;
}
