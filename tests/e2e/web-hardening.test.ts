// The web tier's defences on the whole built stack: security headers and a nonce CSP that Next still
// runs under (no violation in Chromium), sign-in that only ever returns to this site, a sign-in rate
// limit that rotating X-Forwarded-For through the web does not escape, and a stalled api that the
// page reports in plain words, keeping what was typed and recovering by itself.

import { postJsonFrom } from "@taskflow/testing/post-from";
import { TcpProxy } from "@taskflow/testing/tcp-proxy";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser/chromium";
import { addTaskForm, newContext, newUser, screenshot, signUp, taskRow } from "./browser/pages";
import { startWebServer, type WebServer } from "./browser/web-server";
import { type Stack, startStack } from "./stack";

const RATE_LIMIT = 8;
const PASSWORD = "correct horse battery";

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ env: { AUTH_RATE_LIMIT: String(RATE_LIMIT) } });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Collects every CSP violation the page reports, and console errors that mention CSP. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )),
  ];
}

/** Signs a new user up through the web's /api (as the page would) and returns the session cookie. */
async function signUpOverHttp(name: string): Promise<{ email: string; cookie: string }> {
  const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
  const response = await fetch(`${stack.webUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: stack.webUrl },
    body: JSON.stringify({ name, email, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  return { email, cookie };
}

describe("security headers", () => {
  it("sends a nonce CSP and the other security headers on every page", async () => {
    const nonces = new Set<string>();
    for (const path of ["/sign-in", "/sign-up", "/", "/no-such-page"]) {
      const response = await fetch(`${stack.webUrl}${path}`, { redirect: "manual" });
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("base-uri 'self'");
      const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scriptSrc, path).toContain("'strict-dynamic'");
      expect(scriptSrc, path).not.toContain("'unsafe-inline'");
      expect(scriptSrc, path).not.toContain("'unsafe-eval'");
      nonces.add(/'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? "");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(response.headers.get("permissions-policy"), path).toContain("camera=()");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      await response.body?.cancel();
    }
    // A fresh nonce for every response.
    expect(nonces.size).toBe(4);
  });

  it("puts the page's nonce on every script Next sends, and nosniff on the assets", async () => {
    const response = await fetch(`${stack.webUrl}/sign-in`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const asset = /<script\b[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(new URL(asset ?? "", stack.webUrl));
    expect(script.status).toBe(200);
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
    await script.body?.cancel();
  });

  it("leaves the api's own headers on /api answers", async () => {
    const response = await fetch(`${stack.webUrl}/api/config`);
    // helmet's, from the api, not the page policy.
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy") ?? "").not.toContain("nonce-");
    await response.body?.cancel();
  });

  it("still hydrates under that policy in Chromium, with no violation", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const violations = await watchCsp(page);
    await page.goto(`${stack.webUrl}/sign-in`);
    // Client-side validation answers: React has hydrated the form.
    await page.getByTestId("auth-submit").click();
    await page.getByText("Enter a valid email address.").waitFor();
    await signUp(page, stack.webUrl, newUser("Cesar Csp"));
    await page.getByTestId("new-title").fill("Check the policy");
    await page.getByTestId("new-title").press("Enter");
    await taskRow(page, "Check the policy").waitFor();
    await page.goto(`${stack.webUrl}/tokens`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await violations()).toEqual([]);
    await context.close();
  }, 90_000);
});

describe("after sign-in", () => {
  const HOSTILE = [
    "/\\evil.example",
    "/\t/evil.example",
    "//evil.example",
    "/.//evil.example",
    "https://evil.example",
    "javascript:alert(1)",
  ];

  it("a signed-in visit to /sign-in goes to ?next= only when it is a path on this site", async () => {
    const { cookie } = await signUpOverHttp("Nell");
    const redirectFor = async (query: string) => {
      const response = await fetch(`${stack.webUrl}/sign-in?${query}`, {
        headers: { cookie },
        redirect: "manual",
      });
      await response.body?.cancel();
      expect(response.status, query).toBeGreaterThanOrEqual(300);
      expect(response.status, query).toBeLessThan(400);
      return response.headers.get("location") ?? "";
    };
    for (const next of HOSTILE) {
      const location = await redirectFor(`next=${encodeURIComponent(next)}`);
      expect(new URL(location, stack.webUrl).origin, JSON.stringify(next)).toBe(new URL(stack.webUrl).origin);
      expect(new URL(location, stack.webUrl).pathname, JSON.stringify(next)).toBe("/");
    }
    // As typed into the address bar: %09 is a tab once decoded.
    expect(new URL(await redirectFor("next=/%09/evil.example"), stack.webUrl).pathname).toBe("/");
    expect(new URL(await redirectFor("next=%2Ftokens"), stack.webUrl).pathname).toBe("/tokens");
  });

  it("the sign-in form stays on this site whatever ?next= says", async () => {
    const { email } = await signUpOverHttp("Otto");
    const home = new URL(stack.webUrl).origin;
    /** Signs in from a fresh browser at /sign-in?<query>; resolves to where the page lands. */
    const signInWith = async (query: string, landed: (url: URL) => boolean): Promise<URL> => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await page.goto(`${stack.webUrl}/sign-in?${query}`);
      const form = page.getByTestId("sign-in-form");
      await form.getByLabel("Email").fill(email);
      await form.getByLabel("Password").fill(PASSWORD);
      await page.getByTestId("auth-submit").click();
      await page.waitForURL(landed);
      const url = new URL(page.url());
      await context.close();
      return url;
    };
    for (const query of ["next=/%09/evil.example", `next=${encodeURIComponent("/\\evil.example")}`]) {
      const url = await signInWith(query, (at) => at.pathname === "/" || at.origin !== home);
      expect(url.origin, query).toBe(home);
      expect(url.pathname, query).toBe("/");
    }
    // A good ?next= is still honoured.
    const url = await signInWith(`next=${encodeURIComponent("/tokens")}`, (at) => at.pathname === "/tokens");
    expect(url.href).toBe(`${stack.webUrl}/tokens`);
  }, 90_000);
});

describe("a stalled api, seen in the browser", () => {
  const TIMEOUT_MS = 3000;
  let stallable: TcpProxy;
  let front: WebServer;

  beforeAll(async () => {
    const api = new URL(stack.apiUrl);
    stallable = new TcpProxy(api.hostname, Number(api.port));
    await stallable.start();
    // A second web server on the same api, reached through a proxy that can hold every byte.
    front = await startWebServer({ API_URL: `http://${stallable.url}`, API_TIMEOUT_MS: String(TIMEOUT_MS) });
  }, 60_000);

  afterAll(async () => {
    await front?.stop();
    await stallable?.close();
  });

  it("says the server is not answering, keeps what was typed, and works again once it answers", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // Signed up on the stack's own web server (the origin the api trusts); the cookie is for
    // localhost, whatever the port, so the second web server gets it too.
    await signUp(page, stack.webUrl, newUser("Stella Stall"));
    const frontUrl = `http://localhost:${new URL(front.url).port}`;
    await page.goto(`${frontUrl}/`);
    await addTaskForm(page).waitFor();
    await page.getByTestId("chat-empty").waitFor();

    stallable.pause();
    await page.getByTestId("new-title").fill("Buy stamps");
    await page.getByTestId("new-title").press("Enter");
    const alert = addTaskForm(page).getByRole("alert");
    await alert.waitFor({ timeout: TIMEOUT_MS + 10_000 });
    expect(await alert.textContent()).toMatch(/not answering/i);
    expect(await page.getByTestId("new-title").inputValue()).toBe("Buy stamps");
    expect(await page.getByTestId("add-task").textContent()).toContain("Add task");

    await page.getByTestId("chat-input").fill("add water the plants");
    await page.getByTestId("chat-input").press("Enter");
    await page
      .locator('[data-testid="chat-message"][data-role="assistant"][data-status="error"]')
      .waitFor({ timeout: TIMEOUT_MS + 10_000 });
    expect(await page.getByTestId("chat-input").inputValue()).toBe("add water the plants");
    const text = await page.locator("body").innerText();
    expect(text).toMatch(/not answering/i);
    expect(text).not.toMatch(/ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up/);
    await screenshot(page, "api-not-answering");

    stallable.resume();
    // The same form, sent again as it is, now goes through.
    await page.getByTestId("new-title").press("Enter");
    await taskRow(page, "Buy stamps").waitFor();
    expect(await page.getByTestId("new-title").inputValue()).toBe("");
    await context.close();
  }, 90_000);
});

// Last: it spends the sign-in budget of the addresses it uses.
describe("sign-in rate limit through the web", () => {
  /** POST /api/auth/sign-in/email to the web server from a chosen loopback address. */
  const signInFrom = (localAddress: string, email: string, forwardedFor: string) =>
    postJsonFrom(
      `${stack.webUrl.replace("localhost", "127.0.0.1")}/api/auth/sign-in/email`,
      localAddress,
      { email, password: "not the password" },
      { origin: stack.webUrl, "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor },
    );

  it("is not escaped by sending a new X-Forwarded-For each time", async () => {
    const { email } = await signUpOverHttp("Rita");
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 3; i++)
      statuses.push(await signInFrom("127.0.0.3", email, `198.51.100.${i + 1}`));
    expect(statuses).toEqual([
      ...Array.from({ length: RATE_LIMIT }, () => 401),
      ...Array.from({ length: 3 }, () => 429),
    ]);
    // The limit is per client: another address has its own.
    expect(await signInFrom("127.0.0.4", email, "198.51.100.1")).toBe(401);
  });
});
