// The installable app in a real browser (Debian chromium via playwright-core) against the whole built
// stack: the manifest is served and valid and its icons are real PNGs of the sizes it names; the
// service worker installs and controls the page; offline, a reload still shows the board's shell from
// the worker's copy, with the offline banner, and adding a task says it cannot be saved; back online the
// banner goes; nothing from /api is ever kept, and signing out drops the kept board.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addTaskForm, eventually, newContext, newUser, signUp } from "./browser/pages";
import { useStackAndBrowser } from "./browser/suite";

const SHELL_CACHE = "taskflow-shell-v1";
const OFFLINE = "You're offline — changes can't be saved until you reconnect.";

const suite = useStackAndBrowser();

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every URL kept in any of the page's caches. */
async function keptUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
}

/** The nonce of the CSP on the board page the worker keeps (undefined: nothing kept). */
async function keptShellNonce(page: Page): Promise<string | undefined> {
  return page.evaluate(async (cacheName) => {
    const kept = await (await caches.open(cacheName)).match("/");
    return kept?.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
  }, SHELL_CACHE);
}

describe("the installable app", () => {
  it("serves a valid manifest whose icons are reachable PNGs of the sizes it names", async () => {
    const response = await fetch(`${suite.webUrl}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: "Taskflow",
      short_name: "Taskflow",
      start_url: "/",
      display: "standalone",
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
    expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(manifest.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
    for (const icon of manifest.icons) {
      const served = await fetch(new URL(icon.src, suite.webUrl));
      expect(served.status, icon.src).toBe(200);
      expect(served.headers.get("content-type"), icon.src).toMatch(
        new RegExp(`^${icon.type.replace("+", "\\+")}`),
      );
      if (icon.type !== "image/png") continue;
      const { width, height } = pngSize(Buffer.from(await served.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const apple = await fetch(`${suite.webUrl}/apple-touch-icon.png`);
    expect(apple.status).toBe(200);
    expect(pngSize(Buffer.from(await apple.arrayBuffer()))).toEqual({ width: 180, height: 180 });

    // Every page links the manifest, and the worker's script is served as JavaScript.
    const signInPage = await fetch(`${suite.webUrl}/sign-in`);
    expect(signInPage.headers.get("content-security-policy")).toContain("worker-src 'self'");
    const signIn = await signInPage.text();
    expect(signIn).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    expect(signIn).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon\.png"/);
    const worker = await fetch(`${suite.webUrl}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get("content-type")).toMatch(/javascript/);
    // Not a page: no per-request nonce policy of its own (src/proxy.ts leaves it out).
    expect(worker.headers.get("content-security-policy")).toBeNull();
  }, 30_000);

  it("opens the board offline from the service worker, says changes cannot be saved, and recovers", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(message.text());
    });
    await signUp(page, suite.webUrl, newUser("Offline Olga"));

    // The worker installs, takes control of this first visit and keeps the board's shell.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 15_000,
    });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${suite.webUrl}/`);
    await eventually(async () => (await keptShellNonce(page)) !== undefined, "the board shell to be kept");
    await page.reload();
    await addTaskForm(page).waitFor();
    // A navigation online refreshes the kept copy: it becomes this very render.
    const pageNonce = () =>
      page.evaluate(() => document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce);
    const onlineNonce = await pageNonce();
    expect(onlineNonce).toBeTruthy();
    await eventually(
      async () => (await keptShellNonce(page)) === onlineNonce,
      "the reloaded board to be kept",
    );
    const keptNonce = onlineNonce;

    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch("/api/me").then(
          () => "reached",
          () => "failed",
        ),
      ),
    ).toBe("failed");
    const offlineLoad = await page.reload();
    expect(offlineLoad?.fromServiceWorker()).toBe(true);
    await addTaskForm(page).waitFor();
    // The very page the worker kept (a fresh render would carry a fresh nonce), and it hydrated.
    expect(await pageNonce()).toBe(keptNonce);
    await expect.poll(() => page.title()).toBe("Board · Taskflow");
    const banner = page.getByTestId("offline-banner");
    await banner.waitFor();
    expect(await banner.textContent()).toBe(OFFLINE);
    expect(await page.getByRole("status").filter({ hasText: OFFLINE }).count()).toBe(1);

    await page.getByTestId("new-title").fill("Written while offline");
    await page.getByTestId("new-title").press("Enter");
    await addTaskForm(page).getByRole("alert").filter({ hasText: OFFLINE }).waitFor();
    expect(await page.getByTestId("new-title").inputValue()).toBe("Written while offline");

    await context.setOffline(false);
    await banner.waitFor({ state: "detached" });
    const tasks = (await (await page.request.get(`${suite.webUrl}/api/tasks?q=offline`)).json()) as {
      items: { title: string }[];
    };
    expect(tasks.items).toEqual([]);
    // Sent again once online, the same form saves.
    await page.getByTestId("new-title").press("Enter");
    await page.getByTestId("task-title").getByText("Written while offline", { exact: true }).waitFor();

    // Nothing from /api is ever kept; the worker's script loaded under the page's CSP without a report.
    const kept = await keptUrls(page);
    expect(kept).toContain("/");
    expect(kept.some((path) => path.startsWith("/_next/static/"))).toBe(true);
    expect(kept.filter((path) => path.startsWith("/api"))).toEqual([]);
    expect(problems).toEqual([]);

    // Signed out, the next visit to sign-in drops the kept board (it holds this user's name), and the
    // board's redirect to sign-in is never kept in its place. The board is left first: signed out under an
    // open board, its next request (a count refreshed by the live stream) answers 401 and the board itself
    // goes to sign-in, which would cut this visit short.
    await page.goto("about:blank");
    await context.clearCookies();
    await page.goto(`${suite.webUrl}/sign-in`);
    await page.getByTestId("sign-in-form").waitFor();
    // The worker drops it beside the navigation (waitUntil), not before the page shows.
    await expect.poll(() => keptShellNonce(page)).toBeUndefined();
    await page.goto(`${suite.webUrl}/`);
    await page.waitForURL(`${suite.webUrl}/sign-in`);
    expect(await keptShellNonce(page)).toBeUndefined();
    await context.close();
  }, 120_000);
});
