// MCP authorization end to end with the official MCP SDK client's OAuth support (as claude.ai, ChatGPT
// or VS Code connect): the real api (Better Auth's oauth-provider as the authorization server) and the
// real mcp service over HTTP, a signed-in user approving on the consent step with their session cookie.
// Discovery (401 challenge → RFC 9728 → RFC 8414), dynamic registration, authorization code + PKCE +
// resource, token, tool calls, refresh with rotation, revoke → 401, a token for another resource → 401,
// a read-only grant cannot change tasks, and personal tokens still work beside it.
import { auth, refreshAuthorization } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type {
  AuthorizationServerMetadata,
  OAuthClientInformationMixed,
} from "@modelcontextprotocol/sdk/shared/auth.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { buildApp } from "@taskflow/api/app";
import { parseApiEnv } from "@taskflow/api/env";
import type { ConnectedAppList } from "@taskflow/contracts";
import { oauthClientResource, oauthResource } from "@taskflow/db/schema";
import { EMBEDDED_DEV_SECRETS } from "@taskflow/runtime/env";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { MemoryOAuthClient } from "@taskflow/testing/oauth-client";
import { freePort } from "@taskflow/testing/processes";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMcpApp } from "../src/app";
import { textOf } from "./mcp-client";

const REDIRECT = "http://127.0.0.1:46099/callback";
/** What a browser sends when it follows a link: the authorization endpoint then answers with redirects. */
const NAVIGATE = { accept: "text/html", "sec-fetch-mode": "navigate" };

/** An MCP client registering with the grants a desktop client asks for, calling back to REDIRECT. */
const newOAuthClient = (clientName: string) =>
  new MemoryOAuthClient({
    clientName,
    redirectUrl: REDIRECT,
    metadata: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] },
  });

describe.each(engines)("MCP OAuth 2.1 with the SDK client on %s", (engine) => {
  // Ports chosen before the apps are built: the issuer and the resource URL are part of their
  // configuration, as in a deployment (freePort: outside the ephemeral range, so nothing takes them).
  let apiPort: number;
  let mcpPort: number;
  let apiUrl: string;
  let mcpUrl: string;
  let db: TestDatabase;
  let api: FastifyInstance;
  let mcp: FastifyInstance;
  let cookie: string;
  let userToken: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    [apiPort, mcpPort] = [await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    mcpUrl = `http://127.0.0.1:${mcpPort}/mcp`;
    db = await createTestDatabase(engine);
    const env = parseApiEnv({
      NODE_ENV: "test",
      AUTH_RATE_LIMIT: "1000",
      BETTER_AUTH_URL: apiUrl,
      MCP_URL: mcpUrl,
      MCP_PUBLIC_URL: mcpUrl,
    });
    api = (await buildApp({ env, database: db.database })).app;
    await api.listen({ port: apiPort, host: "127.0.0.1" });
    mcp = (
      await buildMcpApp({
        database: db.database,
        tokenSecret: EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET,
        oauth: { resource: mcpUrl, issuer: apiUrl },
      })
    ).app;
    await mcp.listen({ port: mcpPort, host: "127.0.0.1" });
    const signUp = await fetch(`${apiUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Ada",
        email: `ada-${Date.now()}@example.com`,
        password: "correct horse battery",
      }),
    });
    expect(signUp.status).toBe(200);
    cookie = (signUp.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    userToken = ((await signUp.json()) as { token: string }).token;
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) await client.close().catch(() => {});
    await api?.close();
    await mcp?.close();
    await db?.dispose();
  });

  /**
   * Where /authorize sends the signed-in user's browser. A browser navigation gets a 302; Node's fetch
   * always says `sec-fetch-mode: cors`, for which Better Auth answers `{redirect: true, url}` instead.
   */
  async function followAuthorize(url: URL): Promise<URL> {
    const response = await fetch(url, { headers: { cookie, ...NAVIGATE }, redirect: "manual" });
    if (response.status === 302) return new URL(response.headers.get("location") ?? "", apiUrl);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { redirect?: boolean; url?: string };
    expect(body.redirect).toBe(true);
    return new URL(body.url ?? "", apiUrl);
  }

  /** The signed-in user on the consent step: follows /authorize to the consent page, approves there. */
  async function approve(authorizationUrl: URL, options: { scope?: string; accept?: boolean } = {}) {
    const consentPage = await followAuthorize(authorizationUrl);
    expect(consentPage.pathname).toBe("/oauth/consent");
    const consent = await fetch(`${apiUrl}/api/auth/oauth2/consent`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        accept: options.accept ?? true,
        ...(options.scope ? { scope: options.scope } : {}),
        oauth_query: consentPage.search.slice(1),
      }),
    });
    expect(consent.status).toBe(200);
    const body = (await consent.json()) as { redirect_uri?: string; url?: string };
    const back = new URL(body.redirect_uri ?? body.url ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get("state")).toBe(authorizationUrl.searchParams.get("state"));
    return back;
  }

  /** Connects like a client: 401 → discovery → registration → consent → token, then a session. */
  async function connectWithOAuth(provider: MemoryOAuthClient, approval: { scope?: string } = {}) {
    const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
    await expect(new Client({ name: "oauth-test", version: "0" }).connect(first)).rejects.toThrow(
      /unauthorized/i,
    );
    const authorizationUrl = provider.authorizationUrl;
    if (!authorizationUrl) throw new Error("the SDK did not start an authorization");
    const back = await approve(authorizationUrl, approval);
    await first.finishAuth(back.searchParams.get("code") ?? "");
    const client = new Client({ name: "oauth-test", version: "0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
    clients.push(client);
    return { client, authorizationUrl };
  }

  /** The client's own token request for the code `back` carries (form-encoded, PKCE), with `resource` if given. */
  function exchangeCode(provider: MemoryOAuthClient, back: URL, resource?: string) {
    return fetch(`${apiUrl}/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: back.searchParams.get("code") ?? "",
        redirect_uri: REDIRECT,
        client_id: provider.client?.client_id ?? "",
        code_verifier: provider.verifier,
        ...(resource === undefined ? {} : { resource }),
      }),
    });
  }

  async function metadata(): Promise<AuthorizationServerMetadata> {
    return (await (
      await fetch(`${apiUrl}/.well-known/oauth-authorization-server`)
    ).json()) as AuthorizationServerMetadata;
  }

  async function rawCall(
    accessToken: string | undefined,
    name = "list_tasks",
    args: Record<string, unknown> = {},
  ) {
    return fetch(mcpUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json, text/event-stream",
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "tools/call",
        params: { name, arguments: args },
      }),
    });
  }

  it("without a token: 401 pointing to the protected resource metadata, which names the authorization server", async () => {
    const response = await rawCall(undefined);
    expect(response.status).toBe(401);
    const challenge = response.headers.get("www-authenticate") ?? "";
    const prmUrl = `http://127.0.0.1:${mcpPort}/.well-known/oauth-protected-resource/mcp`;
    expect(challenge).toContain(`resource_metadata="${prmUrl}"`);
    for (const url of [prmUrl, `http://127.0.0.1:${mcpPort}/.well-known/oauth-protected-resource`]) {
      const prm = (await (await fetch(url)).json()) as Record<string, unknown>;
      expect(prm).toMatchObject({
        resource: mcpUrl,
        authorization_servers: [apiUrl],
        bearer_methods_supported: ["header"],
      });
      expect(prm.scopes_supported).toEqual(expect.arrayContaining(["tasks:read", "tasks:write"]));
    }
    const as = await metadata();
    expect(as.issuer).toBe(apiUrl);
    expect(as.code_challenge_methods_supported).toEqual(["S256"]);
    expect(as.registration_endpoint).toBe(`${apiUrl}/api/auth/oauth2/register`);
    expect(as.scopes_supported).toEqual(
      expect.arrayContaining(["tasks:read", "tasks:write", "offline_access"]),
    );
  });

  it("discovery, registration, PKCE + resource, consent, token, tool calls, refresh rotation, revoke → 401", async () => {
    const provider = newOAuthClient("Claude (test)");
    const { client, authorizationUrl } = await connectWithOAuth(provider);
    // What the SDK asked for: PKCE S256 and the MCP URL as the resource (RFC 8707).
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(mcpUrl);
    expect(provider.client?.client_id).toBeTruthy();
    const tokens = provider.saved;
    if (!tokens?.refresh_token) throw new Error("no refresh token issued");

    // Tools act for the user who approved.
    const added = (await client.callTool({
      name: "add_task",
      arguments: { title: "Ship OAuth" },
    })) as CallToolResult;
    expect(added.isError).toBeFalsy();
    const listed = (await client.callTool({ name: "list_tasks", arguments: {} })) as CallToolResult;
    expect(textOf(listed)).toContain("Ship OAuth");
    const rest = await fetch(`${apiUrl}/api/tasks`, { headers: { authorization: `Bearer ${userToken}` } });
    expect(JSON.stringify(await rest.json())).toContain("Ship OAuth");

    // The Connect AI tools page lists the app, with its last use.
    const apps = (await (
      await fetch(`${apiUrl}/api/connected-apps`, { headers: { cookie } })
    ).json()) as ConnectedAppList;
    const listedApp = apps.apps.find((app) => app.client_id === provider.client?.client_id);
    expect(listedApp).toMatchObject({ name: "Claude (test)" });
    expect(listedApp?.scopes).toEqual(expect.arrayContaining(["tasks:read", "tasks:write"]));
    expect(listedApp?.last_used_at).not.toBeNull();

    // Refresh: a new pair; the old refresh token is refused from then on (rotation).
    const as = await metadata();
    const clientInformation = provider.client as OAuthClientInformationMixed;
    const refresh = (refreshToken: string) =>
      refreshAuthorization(apiUrl, {
        metadata: as,
        clientInformation,
        refreshToken,
        resource: new URL(mcpUrl),
      });
    const revokeApp = () =>
      fetch(`${apiUrl}/api/connected-apps/${encodeURIComponent(clientInformation.client_id)}`, {
        method: "DELETE",
        headers: { cookie },
      });
    const refreshed = await refresh(tokens.refresh_token);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const withRefreshed = await rawCall(refreshed.access_token);
    expect(withRefreshed.status).toBe(200);
    await expect(refresh(tokens.refresh_token)).rejects.toThrow();

    // Revoke on the Connect AI tools page: the very next call is refused, and so is the refresh token.
    const revoke = await revokeApp();
    expect(revoke.status).toBe(204);
    const afterRevoke = await rawCall(refreshed.access_token);
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.headers.get("www-authenticate")).toContain('error="invalid_token"');
    await expect(client.callTool({ name: "list_tasks", arguments: {} })).rejects.toThrow();
    await expect(refresh(refreshed.refresh_token ?? "")).rejects.toThrow();
    // Gone from the list; revoking again is a 404.
    const again = await revokeApp();
    expect(again.status).toBe(404);
  });

  it("a read-only grant (tasks:read) lists tasks but cannot change them", async () => {
    const provider = newOAuthClient("Read-only client");
    const { client } = await connectWithOAuth(provider, { scope: "tasks:read offline_access" });
    expect(provider.saved?.scope?.split(" ")).not.toContain("tasks:write");
    const listed = (await client.callTool({ name: "list_tasks", arguments: {} })) as CallToolResult;
    expect(listed.isError).toBeFalsy();
    const added = (await client.callTool({
      name: "add_task",
      arguments: { title: "Not allowed" },
    })) as CallToolResult;
    expect(added.isError).toBe(true);
    expect(textOf(added)).toMatch(/read-only/);
    const rest = await fetch(`${apiUrl}/api/tasks`, { headers: { authorization: `Bearer ${userToken}` } });
    expect(JSON.stringify(await rest.json())).not.toContain("Not allowed");
  });

  it("a token the same server issued for another resource is refused with 401", async () => {
    // Another protected resource this authorization server also serves, open to the client.
    const other = "https://other.example/mcp";
    await db.database.db
      .insert(oauthResource)
      .values({ id: crypto.randomUUID(), identifier: other, name: "Other" });
    const provider = newOAuthClient("Wrong audience client");
    await connectWithOAuth(provider);
    const clientId = provider.client?.client_id ?? "";
    await db.database.db
      .insert(oauthClientResource)
      .values({ id: crypto.randomUUID(), clientId, resourceId: other });
    // The SDK's own authorization step, pointed at the other resource.
    provider.authorizationUrl = undefined;
    const original = provider.saved;
    provider.saved = undefined;
    const started = await auth(provider, { serverUrl: mcpUrl });
    expect(started).toBe("REDIRECT");
    const url = new URL(provider.authorizationUrl ?? "");
    url.searchParams.set("resource", other);
    const back = await approve(url);
    const token = await exchangeCode(provider, back, other);
    expect(token.status).toBe(200);
    const foreign = (await token.json()) as { access_token: string };
    const refused = await rawCall(foreign.access_token);
    expect(refused.status).toBe(401);
    // The client's token for this server still works.
    expect((await rawCall(original?.access_token)).status).toBe(200);
  });

  it("a client that sends no resource gets a token for this MCP server (the one resource)", async () => {
    const provider = newOAuthClient("No resource client");
    await connectWithOAuth(provider);
    provider.authorizationUrl = undefined;
    provider.saved = undefined;
    expect(await auth(provider, { serverUrl: mcpUrl })).toBe("REDIRECT");
    const url = new URL(provider.authorizationUrl ?? "");
    url.searchParams.delete("resource");
    const back = await approve(url);
    const token = await exchangeCode(provider, back);
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    expect((await rawCall(access_token)).status).toBe(200);
  });

  it("a registration cannot skip the consent step or PKCE", async () => {
    const register = (extra: Record<string, unknown>) =>
      fetch(`${apiUrl}/api/auth/oauth2/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ client_name: "Sneaky", redirect_uris: [REDIRECT], ...extra }),
      });
    const skip = await register({ token_endpoint_auth_method: "none", skip_consent: true });
    expect(skip.status).toBe(400);
    expect(await skip.json()).toMatchObject({ error: "invalid_client_metadata" });
    // require_pkce is the server's policy: asking for false changes nothing, public or confidential.
    for (const method of ["none", "client_secret_post"]) {
      const registered = await register({ token_endpoint_auth_method: method, require_pkce: false });
      expect(registered.status, method).toBe(201);
      const { client_id } = (await registered.json()) as { client_id: string };
      const url = new URL(`${apiUrl}/api/auth/oauth2/authorize`);
      url.search = new URLSearchParams({
        response_type: "code",
        client_id,
        redirect_uri: REDIRECT,
        scope: "tasks:read",
        state: "s2",
      }).toString();
      const refused = await fetch(url, { headers: { cookie, ...NAVIGATE }, redirect: "manual" });
      const answer = (await refused.text()) + (refused.headers.get("location") ?? "");
      expect(answer, method).not.toContain("/oauth/consent");
      expect(answer, method).toMatch(/invalid_request|code_challenge|pkce/i);
    }
  });

  it("PKCE is required, and an unknown client is refused before any consent", async () => {
    const provider = newOAuthClient("No PKCE client");
    await connectWithOAuth(provider);
    const clientId = provider.client?.client_id ?? "";
    const noPkce = new URL(`${apiUrl}/api/auth/oauth2/authorize`);
    noPkce.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: "tasks:read",
      state: "s1",
      resource: mcpUrl,
    }).toString();
    const refused = await fetch(noPkce, { headers: { cookie, ...NAVIGATE }, redirect: "manual" });
    const refusal = await refused.text();
    expect(refusal).not.toContain("/oauth/consent");
    expect(refusal + (refused.headers.get("location") ?? "")).toMatch(/invalid_request|code_challenge|pkce/i);
    noPkce.searchParams.set("client_id", "no-such-client");
    const unknown = await fetch(noPkce, { headers: { cookie, ...NAVIGATE }, redirect: "manual" });
    expect((await unknown.text()) + (unknown.headers.get("location") ?? "")).not.toContain("/oauth/consent");
  });

  it("Deny sends the app back with access_denied; connected apps are the caller's own; bad ids are refused", async () => {
    const provider = newOAuthClient("Denied client");
    const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
    await expect(new Client({ name: "oauth-test", version: "0" }).connect(first)).rejects.toThrow(
      /unauthorized/i,
    );
    const denied = await approve(provider.authorizationUrl as URL, { accept: false });
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("code")).toBeNull();

    const granted = newOAuthClient("Someone else's target");
    await connectWithOAuth(granted);
    const clientId = granted.client?.client_id ?? "";
    const apps = async (headers: Record<string, string>) =>
      fetch(`${apiUrl}/api/connected-apps`, { headers }).then(async (r) => ({
        status: r.status,
        body: await r.text(),
      }));
    expect((await apps({ cookie })).body).toContain(clientId);
    expect((await apps({ cookie })).body).not.toContain("Denied client");
    expect((await apps({})).status).toBe(401);
    // Another user neither sees nor revokes it.
    const mallory = await fetch(`${apiUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Mallory",
        email: `mallory-${Date.now()}@example.com`,
        password: "correct horse battery",
      }),
    });
    const malloryCookie = (mallory.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    expect((await apps({ cookie: malloryCookie })).body).not.toContain(clientId);
    const stolen = await fetch(`${apiUrl}/api/connected-apps/${encodeURIComponent(clientId)}`, {
      method: "DELETE",
      headers: { cookie: malloryCookie },
    });
    expect(stolen.status).toBe(404);
    expect((await rawCall(granted.saved?.access_token)).status).toBe(200);
    const malformed = await fetch(`${apiUrl}/api/connected-apps/a%00b`, {
      method: "DELETE",
      headers: { cookie },
    });
    expect(malformed.status).toBe(400);
    // Registration with a NUL in a field: a plain OAuth error naming it, and no client stored.
    const before = await db.database.execute("select count(*)::int as n from oauth_client");
    const junk = await fetch(`${apiUrl}/api/auth/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "bad\u0000name",
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: "none",
      }),
    });
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({
      error: "invalid_request",
      error_description: expect.stringContaining("client_name"),
    });
    expect(await db.database.execute("select count(*)::int as n from oauth_client")).toEqual(before);
    expect((await apps({ cookie })).body).toContain(clientId);
  });

  it("personal tokens keep working beside OAuth; a revoked one gets a plain message, not an OAuth challenge", async () => {
    const created = await fetch(`${apiUrl}/api/tokens`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "Cursor" }),
    });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: number; token: string };
    expect((await rawCall(token)).status).toBe(200);
    await fetch(`${apiUrl}/api/tokens/${id}`, { method: "DELETE", headers: { cookie } });
    const refused = await rawCall(token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).not.toContain("resource_metadata");
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/personal token no longer works.*Connect AI tools page/);

    // An expired one says the same, and the api still lists it as expired rather than losing it.
    const expiring = await fetch(`${apiUrl}/api/tokens`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ name: "Short-lived", expires_in_days: 1 }),
    });
    const short = (await expiring.json()) as { id: number; token: string };
    expect((await rawCall(short.token)).status).toBe(200);
    await db.database.execute(
      `update personal_tokens set expires_at = now() - interval '1 minute' where id = ${short.id}`,
    );
    const expired = await rawCall(short.token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(
      /no longer works/,
    );
  });
});
