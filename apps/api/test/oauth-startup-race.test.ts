// Two api replicas starting at the same moment on a fresh PostgreSQL database (a rollout of two pods):
// Better Auth's oauth-provider seeds the MCP resource row as each one's auth context is created (and
// again on the first request that reads it). Both find no row and both insert it; the loser gets a
// unique violation, which must count as "already seeded", not fail its start-up or first requests.
//
// Left to timing, the two inserts collide only now and then. The test makes them collide every time:
// it holds a SHARE lock on oauth_resource (reads pass, inserts wait) until both replicas are waiting
// to insert, then lets them go together.
import { buildApp } from "@taskflow/api/app";
import type { Database } from "@taskflow/db/client";
import { openDatabase } from "@taskflow/runtime/database";
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from "@taskflow/testing/databases";
import { eventually } from "@taskflow/testing/wait";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { oauthApiEnv, UNUSED_MCP_URL } from "./oauth-env";

interface Replica {
  app: FastifyInstance;
  database: Database;
  url: string;
}

async function startReplica(databaseUrl: string, onStarted: (replica: Replica) => void): Promise<Replica> {
  const env = oauthApiEnv({
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: "oauth-race-secret-0123456789abcdef012345",
    MCP_TOKEN_SECRET: "oauth-race-mcp-secret-0123456789abcdef01",
  });
  const database = await openDatabase(env);
  const { app } = await buildApp({ env, database });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  const replica = { app, database, url };
  onStarted(replica);
  return replica;
}

const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** A replica's first requests, all at once: OAuth metadata, a client registration, sign-up; then sign-in. */
async function firstRequests(url: string, n: number) {
  const email = `race-${Date.now()}-${n}@example.com`;
  const password = "correct horse battery";
  const [metadata, register, signUp] = await Promise.all([
    fetch(`${url}/.well-known/oauth-authorization-server`),
    post(url, "/api/auth/oauth2/register", {
      client_name: `Replica ${n}`,
      redirect_uris: ["http://127.0.0.1:46097/callback"],
      token_endpoint_auth_method: "none",
    }),
    post(url, "/api/auth/sign-up/email", { name: `Replica ${n}`, email, password }),
  ]);
  const signIn = await post(url, "/api/auth/sign-in/email", { email, password });
  return {
    metadata: metadata.status,
    issuer: metadata.status === 200 ? ((await metadata.json()) as { issuer: string }).issuer : null,
    register: register.status,
    signUp: signUp.status,
    signIn: signIn.status,
  };
}

// PostgreSQL only (skipped without TEST_DATABASE_URL): PGlite is one connection in one process, so two
// apps cannot race to seed it. CI always sets TEST_DATABASE_URL.
describe.skipIf(!testDatabaseUrl)("two api replicas starting at once on a fresh PostgreSQL database", () => {
  let db: TestDatabase;
  let locker: pg.Client | undefined;
  const replicas: Replica[] = [];

  afterAll(async () => {
    await locker?.end().catch(() => {});
    for (const replica of replicas) {
      await replica.app.close();
      await replica.database.close();
    }
    await db?.dispose();
  });

  it("both seed the OAuth resource at the same moment, come up, and serve sign-up, sign-in and OAuth", async () => {
    db = await createTestDatabase("postgres");
    const url = db.url ?? "";
    locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query("begin");
    await locker.query("lock table oauth_resource in share mode");
    const insertsWaiting = async () => {
      const [row] = await db.database.execute(
        `select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
          where c.relname = 'oauth_resource' and not l.granted
            and l.database = (select oid from pg_database where datname = current_database())`,
      );
      return Number(row?.n);
    };

    const starting = Promise.allSettled([0, 1].map(() => startReplica(url, (r) => replicas.push(r))));
    // The seed runs as the auth context is created: at start-up, or (if Better Auth builds it lazily)
    // on the first request. Fire the first requests at both as soon as they listen, in case.
    const requests: Promise<Awaited<ReturnType<typeof firstRequests>>[]>[] = [];
    await eventually(
      async () => {
        if (replicas.length === 2 && requests.length === 0)
          requests.push(Promise.all(replicas.map((r, n) => firstRequests(r.url, n))));
        return (await insertsWaiting()) === 2;
      },
      "both replicas waiting to insert the OAuth resource",
      30_000,
    );
    await locker.query("commit");

    const started = await starting;
    expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "up"))).toEqual(["up", "up"]);
    const answers = await (requests[0] ?? Promise.all(replicas.map((r, n) => firstRequests(r.url, n))));
    // Once more after the first wave: nothing was left half-seeded.
    answers.push(...(await Promise.all(replicas.map((r, n) => firstRequests(r.url, n + 2)))));
    for (const answer of answers)
      expect(answer).toEqual({
        metadata: 200,
        issuer: "http://localhost:3000",
        register: 201,
        signUp: 200,
        signIn: 200,
      });
    expect(await db.database.execute("select identifier from oauth_resource")).toEqual([
      { identifier: UNUSED_MCP_URL },
    ]);
  }, 60_000);
});
