// Taskflow's service worker: keeps the app shell (the board page's HTML and the built assets it loads)
// so an installed Taskflow opens offline. It never keeps anything from /api: tasks are per user and
// must be fresh, and a change made offline is refused by the page, not queued.
//
// - /_next/static/* (content-hashed, immutable): cache first.
// - Page navigations: network first; the copy kept from the last good answer when the network fails.
// - Sign-in, sign-up, password and OAuth pages, /api/* and everything else: not touched at all (the
//   browser fetches them as if there were no worker), so sign-in redirects and the OAuth consent page
//   behave as before. Visiting sign-in or sign-up also drops the kept pages: they hold the previous
//   user's name, and the next person on this browser must not find them offline.
//
// Bump VERSION when this file changes: activate deletes every cache of another version.
const VERSION = "v1";
const SHELL_CACHE = `taskflow-shell-${VERSION}`;
const STATIC_CACHE = `taskflow-static-${VERSION}`;
const SHELL_URL = "/";
const PUBLIC_ASSETS = ["/manifest.webmanifest", "/icon.svg", "/icon-192.png", "/icon-512.png"];
const SIGNED_OUT_PAGES = /^\/(sign-in|sign-up|forgot-password|reset-password)(\/|$)/;
const NEVER_KEPT = /^\/(api|oauth|healthz|readyz)(\/|$)/;
const STATIC_URL = /\/_next\/static\/[^"'\s\\)<>]+/g;

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(STATIC_CACHE).then((cache) => cache.addAll(PUBLIC_ASSETS)),
      keepShell().catch(() => undefined),
    ]).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("taskflow-") && name !== SHELL_CACHE && name !== STATIC_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page asks for the shell once the worker controls it (the first visit's own answers did not pass
// through the worker), sending the built assets it has loaded so far.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "keep-shell") return;
  const assets = Array.isArray(data.assets) ? data.assets.filter(isStaticAsset) : [];
  event.waitUntil(Promise.all([keepAssets(assets), keepShellOnce()]).catch(() => undefined));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER_KEPT.test(url.pathname)) return;
  if (SIGNED_OUT_PAGES.test(url.pathname)) {
    if (request.mode === "navigate") event.waitUntil(caches.delete(SHELL_CACHE));
    return;
  }
  if (isStaticAsset(url.pathname) || PUBLIC_ASSETS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.mode === "navigate") event.respondWith(networkFirst(request, url));
});

function isStaticAsset(path) {
  return typeof path === "string" && path.startsWith("/_next/static/");
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    // A redirect (signed out) or an error page is passed on and never kept.
    if (response.ok && response.type === "basic" && !response.redirected)
      keep(url.pathname, response.clone()).catch(() => undefined);
    return response;
  } catch (error) {
    const cache = await caches.open(SHELL_CACHE);
    const kept = (await cache.match(url.pathname)) ?? (await cache.match(SHELL_URL));
    if (kept) return kept;
    throw error;
  }
}

/** keepShell, unless a board page is kept already (navigations keep it fresh). */
async function keepShellOnce() {
  if (await (await caches.open(SHELL_CACHE)).match(SHELL_URL)) return;
  await keepShell();
}

/** Fetches the board page (with the browser's cookies) and keeps it and the assets it names. */
async function keepShell() {
  const response = await fetch(SHELL_URL, { credentials: "same-origin", cache: "no-store" });
  // Signed out, the board redirects to sign-in: nothing to keep.
  if (!response.ok || response.redirected || response.type !== "basic") return;
  const html = await response.clone().text();
  await keepAssets(html.match(STATIC_URL) ?? []);
  await keep(SHELL_URL, response);
}

/**
 * Keeps a page, unless it is the "temporarily unavailable" page the app layout shows (with a 200) when
 * the api does not answer: offline, the last good board is worth more than that.
 */
async function keep(path, response) {
  const html = await response.clone().text();
  if (html.includes('data-testid="api-unavailable"')) return;
  await (await caches.open(SHELL_CACHE)).put(path, response);
}

async function keepAssets(paths) {
  const cache = await caches.open(STATIC_CACHE);
  const missing = [];
  for (const path of new Set(paths)) if (!(await cache.match(path))) missing.push(path);
  await Promise.all(
    missing.map((path) =>
      fetch(path)
        .then((response) => (response.ok ? cache.put(path, response) : undefined))
        .catch(() => undefined),
    ),
  );
}
