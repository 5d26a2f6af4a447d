// In-process test stack: the real api and mcp Fastify apps on one test database, listening on free
// loopback ports, talking real HTTP to each other (the chat agent reaches MCP over the network).
import type { ChatAgent } from "@taskflow/agent";
import { buildApp } from "@taskflow/api/app";
import { parseApiEnv } from "@taskflow/api/env";
import { buildMcpApp } from "@taskflow/mcp/app";
import { EMBEDDED_DEV_SECRETS } from "@taskflow/runtime/env";
import type { FastifyInstance } from "fastify";
import { createTestDatabase, type TestDatabase } from "./databases";

export interface TestStack {
  apiUrl: string;
  mcpUrl: string;
  db: TestDatabase;
  api: FastifyInstance;
  mcp: FastifyInstance;
  /** Signs up a new user over HTTP and returns its bearer token and id. */
  signUp(name?: string): Promise<TestUser>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
  cookie: string;
  headers: Record<string, string>;
}

let counter = 0;

export async function startTestStack(
  engine: "pglite" | "postgres",
  options: { env?: Record<string, string>; agent?: ChatAgent; db?: TestDatabase } = {},
): Promise<TestStack> {
  const db = options.db ?? (await createTestDatabase(engine));
  const mcp = await buildMcpApp({
    database: db.database,
    tokenSecret: EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET,
  });
  const mcpAddress = await mcp.app.listen({ port: 0, host: "127.0.0.1" });
  const env = parseApiEnv({
    NODE_ENV: "test",
    AUTH_RATE_LIMIT: "1000",
    // Suites make many calls as one user; the per-user limits have their own tests.
    CHAT_RATE_LIMIT: "100000",
    TOKEN_CREATE_RATE_LIMIT: "100000",
    BETTER_AUTH_URL: "http://localhost:3000",
    MCP_URL: `${mcpAddress}/mcp`,
    ...options.env,
  });
  const api = await buildApp({
    env,
    database: db.database,
    ...(options.agent ? { agent: options.agent } : {}),
  });
  const apiUrl = await api.app.listen({ port: 0, host: "127.0.0.1" });

  async function signUp(name = "Tester"): Promise<TestUser> {
    const email = `user${Date.now()}-${++counter}@example.com`;
    const password = "correct horse battery";
    const response = await fetch(`${apiUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, email, password }),
    });
    if (response.status !== 200)
      throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { token: string; user: { id: string } };
    const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    return {
      id: body.user.id,
      email,
      password,
      token: body.token,
      cookie,
      headers: { authorization: `Bearer ${body.token}` },
    };
  }

  return {
    apiUrl,
    mcpUrl: `${mcpAddress}/mcp`,
    db,
    api: api.app,
    mcp: mcp.app,
    signUp,
    async close() {
      await api.app.close();
      await mcp.app.close();
      if (!options.db) await db.dispose();
    },
  };
}
