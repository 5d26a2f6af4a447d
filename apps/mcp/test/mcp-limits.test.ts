// The mcp door: calls per user per minute (across all of that user's tokens, 429 with Retry-After past
// the limit), personal tokens that have expired are a 401 like revoked ones, and junk bearer values of
// any shape are a 401, never a 500.
import { TOOL } from "@taskflow/contracts/mcp-tools";
import { createPersonalToken } from "@taskflow/core/tokens";
import { user } from "@taskflow/db/schema";
import { buildMcpApp } from "@taskflow/mcp/app";
import { EMBEDDED_DEV_SECRETS } from "@taskflow/runtime/env";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import { mcpToolCall } from "@taskflow/testing/mcp-http";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(engines)("mcp limits and token expiry on %s", (engine) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    ({ app } = await buildMcpApp({
      database: db.database,
      tokenSecret: EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET,
      callsPerMinute: 3,
    }));
    url = `${await app.listen({ port: 0, host: "127.0.0.1" })}/mcp`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  let seq = 0;
  async function newUser(): Promise<string> {
    const id = `mcp-limits-${++seq}-${Date.now()}`;
    await db.database.db.insert(user).values({ id, name: id, email: `${id}@example.com` });
    return id;
  }
  const call = (token: string) => mcpToolCall(url, token, TOOL.listTasks);

  it("at most callsPerMinute calls a minute per user, whichever of their tokens is used", async () => {
    const alice = await newUser();
    const one = await createPersonalToken(db.database.db, alice, "one");
    const two = await createPersonalToken(db.database.db, alice, "two");
    for (const token of [one.token, two.token, one.token]) expect((await call(token)).status).toBe(200);
    for (const token of [one.token, two.token]) {
      const limited = await call(token);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited.text()).toMatch(/at most 3/);
    }
    const bob = await newUser();
    const bobs = await createPersonalToken(db.database.db, bob, "bob");
    expect((await call(bobs.token)).status).toBe(200);
  });

  it("a personal token past its expiry is a 401; one with days left works", async () => {
    const carol = await newUser();
    const expiring = await createPersonalToken(db.database.db, carol, "expiring", { expiresInDays: 1 });
    expect(Date.parse(expiring.expires_at ?? "")).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect((await call(expiring.token)).status).toBe(200);
    await db.database.execute(
      "update personal_tokens set expires_at = now() - interval '1 second' where id = $1",
      [expiring.id],
    );
    const refused = await call(expiring.token);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("junk bearer values of any shape are a 401", async () => {
    const junk = [
      "tfp_",
      `tfp_${"é".repeat(43)}`,
      "x".repeat(8000),
      "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
      "eyJhbGciOiJIUzI1NiJ9.e30.AAAA",
      "a.b.c",
      "%00",
      "é.é.é",
    ];
    for (const value of junk) {
      const latin1 = Buffer.from(value, "utf8").toString("latin1");
      expect((await call(latin1)).status, value.slice(0, 40)).toBe(401);
    }
  });
});
