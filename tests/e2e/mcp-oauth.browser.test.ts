// MCP OAuth with a person in a real browser (Debian chromium) against the whole built stack, as a user
// adds Taskflow to claude.ai or VS Code: the SDK client discovers the server through the web origin,
// registers and opens the authorization URL; the browser is not signed in, so it goes through sign-in
// and back to the consent page, which names the app and its access; Approve sends the code to the
// client's callback; the client's tools work; the Connect AI tools page lists the app with its last use,
// and Revoke there makes the next MCP call a 401.
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import {
  createEmptyPostgresDatabase,
  dropPostgresDatabase,
  testDatabaseUrl,
} from "@taskflow/testing/databases";
import { MemoryOAuthClient } from "@taskflow/testing/oauth-client";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser/chromium";
import { newContext, newUser, screenshot } from "./browser/pages";
import { type Stack, startStack } from "./stack";

const CALLBACK = "http://127.0.0.1:46098/oauth/callback";

const newBrowserClient = () =>
  new MemoryOAuthClient({ clientName: "Claude (browser test)", redirectUrl: CALLBACK });

// The embedded setup (`npm start`: api and mcp in one process), and with TEST_DATABASE_URL the built
// api and mcp as separate processes on PostgreSQL, as in Kubernetes (the mcp reads the signing keys the
// api wrote to the shared database).
const modes = testDatabaseUrl ? (["embedded", "postgres"] as const) : (["embedded"] as const);

describe.each(modes)("MCP OAuth in a browser (%s)", (mode) => {
  let stack: Stack;
  let browser: Browser;
  let databaseUrl: URL | undefined;

  beforeAll(async () => {
    if (mode === "postgres") databaseUrl = await createEmptyPostgresDatabase();
    [stack, browser] = await Promise.all([
      startStack(databaseUrl ? { databaseUrl: databaseUrl.toString() } : {}),
      launchChromium(),
    ]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
  }, 60_000);

  it("sign up on the way, consent, tools, connected apps with last use, revoke → 401; later sign in → Deny", async () => {
    // A person new to Taskflow (a fresh `npm start` has no accounts): they create one on the way.
    const user = newUser("Olivia Oauth");
    // The client: 401 → protected resource metadata → the web origin's RFC 8414 metadata → registration.
    const provider = newBrowserClient();
    expect(await auth(provider, { serverUrl: stack.mcpUrl })).toBe("REDIRECT");
    const authorizationUrl = provider.authorizationUrl;
    if (!authorizationUrl) throw new Error("no authorization URL");
    expect(authorizationUrl.origin).toBe(stack.webUrl);

    const context = await newContext(browser);
    const page = await context.newPage();
    let code: string | null = null;
    await page.route(`${CALLBACK}**`, async (route) => {
      const back = new URL(route.request().url());
      code = back.searchParams.get("code");
      expect(back.searchParams.get("state")).toBe(authorizationUrl.searchParams.get("state"));
      await route.fulfill({ contentType: "text/plain", body: "You can close this window." });
    });
    await page.goto(authorizationUrl.toString());
    // Not signed in: the sign-in page, which leads back to this authorization.
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/sign-up");
    const form = page.getByTestId("sign-up-form");
    await form.getByLabel("Name").fill(user.name);
    await form.getByLabel("Email").fill(user.email);
    await form.getByLabel("Password").fill(user.password);
    await page.getByTestId("auth-submit").click();
    await page.waitForURL((url) => url.pathname === "/oauth/consent");
    const consent = page.getByTestId("oauth-consent");
    await consent.waitFor();
    expect(await consent.textContent()).toContain("Claude (browser test)");
    const scopes = (await page.getByTestId("oauth-scopes").textContent()) ?? "";
    expect(scopes).toContain("See your tasks");
    expect(scopes).toContain("Add, change, complete, delete and restore your tasks");
    await screenshot(page, "oauth-consent");
    await page.getByTestId("oauth-approve").click();
    await page.waitForURL((url) => url.href.startsWith(CALLBACK));
    expect(code).toBeTruthy();

    // The client finishes: token, then real tool calls.
    expect(await auth(provider, { serverUrl: stack.mcpUrl, authorizationCode: code ?? "" })).toBe(
      "AUTHORIZED",
    );
    const client = new Client({ name: "browser-oauth-test", version: "0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(stack.mcpUrl), { authProvider: provider }),
    );
    const added = (await client.callTool({
      name: "add_task",
      arguments: { title: "Approved in a browser" },
    })) as CallToolResult;
    expect(added.isError).toBeFalsy();

    // The Connect AI tools page: the app, its last use, Revoke.
    await page.goto(`${stack.webUrl}/tokens`);
    const app = page.getByTestId("connected-app").filter({ hasText: "Claude (browser test)" });
    await app.waitFor();
    expect(await app.textContent()).toContain("last used");
    await app.getByTestId("connected-app-revoke").click();
    await app.getByTestId("connected-app-revoke-confirm").click();
    await app.waitFor({ state: "detached" });
    const after = await fetch(stack.mcpUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        authorization: `Bearer ${provider.saved?.access_token}`,
      },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "list_tasks" } }),
    });
    expect(after.status).toBe(401);
    await client.close();
    await context.close();

    // Connecting again later, in a browser that is signed out: sign in, and straight to the consent page.
    const again = newBrowserClient();
    expect(await auth(again, { serverUrl: stack.mcpUrl })).toBe("REDIRECT");
    const later = await newContext(browser);
    const second = await later.newPage();
    await second.route(`${CALLBACK}**`, (route) => route.fulfill({ contentType: "text/plain", body: "ok" }));
    await second.goto(again.authorizationUrl?.toString() ?? "");
    await second.waitForURL((url) => url.pathname === "/sign-in");
    const signIn = second.getByTestId("sign-in-form");
    await signIn.getByLabel("Email").fill(user.email);
    await signIn.getByLabel("Password").fill(user.password);
    await second.getByTestId("auth-submit").click();
    await second.waitForURL((url) => url.pathname === "/oauth/consent");
    await second.getByTestId("oauth-deny").click();
    await second.waitForURL((url) => url.href.startsWith(CALLBACK));
    expect(new URL(second.url()).searchParams.get("error")).toBe("access_denied");
    await later.close();
  }, 120_000);
});
