// The OAuth authorization server when the api starts while PostgreSQL is away: Better Auth's
// oauth-provider seeds the MCP resource as its context is created; that must not leave sign-in and OAuth
// broken for good. Once the database is back, registration, the metadata and sign-up work without a
// restart, and the resource row exists.
import { buildApp } from "@taskflow/api/app";
import type { Database } from "@taskflow/db/client";
import { openDatabase } from "@taskflow/runtime/database";
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from "@taskflow/testing/databases";
import { TcpProxy, viaProxy } from "@taskflow/testing/tcp-proxy";
import { eventually } from "@taskflow/testing/wait";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oauthApiEnv, UNUSED_MCP_URL } from "./oauth-env";

// PostgreSQL only (skipped without TEST_DATABASE_URL): only a server database can be down while the api
// starts. CI always sets TEST_DATABASE_URL.
describe.skipIf(!testDatabaseUrl)("OAuth after starting without the database (PostgreSQL)", () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let database: Database;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    const target = new URL(db.url ?? "");
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    await proxy.cut();
    const env = oauthApiEnv({
      DATABASE_URL: viaProxy(db.url ?? "", proxy),
      BETTER_AUTH_SECRET: "oauth-outage-secret-0123456789abcdef0123",
      MCP_TOKEN_SECRET: "oauth-outage-mcp-secret-0123456789abcdef",
      DATABASE_CONNECT_TIMEOUT_MS: "500",
    });
    database = await openDatabase(env);
    ({ app } = await buildApp({ env, database }));
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await proxy?.close();
    await db?.dispose();
  });

  const register = () =>
    fetch(`${url}/api/auth/oauth2/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        client_name: "After the outage",
        redirect_uris: ["http://127.0.0.1:46097/callback"],
        token_endpoint_auth_method: "none",
      }),
    });

  it("registers clients, serves metadata and signs up once the database is back, without a restart", async () => {
    const during = await register();
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ error: "temporarily_unavailable" });
    await proxy.restore();
    await eventually(async () => (await register()).status === 201, "registration after the outage", 15_000);
    const metadata = await fetch(`${url}/.well-known/oauth-authorization-server`);
    expect(metadata.status).toBe(200);
    expect(((await metadata.json()) as { issuer: string }).issuer).toBe("http://localhost:3000");
    const signUp = await fetch(`${url}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: "Back",
        email: `back-${Date.now()}@example.com`,
        password: "correct horse battery",
      }),
    });
    expect(signUp.status).toBe(200);
    const rows = await db.database.execute("select identifier from oauth_resource");
    expect(rows.map((row) => row.identifier)).toEqual([UNUSED_MCP_URL]);
  }, 60_000);
});
