// Unauthenticated junk in the credentials — any cookie or bearer shape: multibyte, very long, NUL,
// malformed base64, a signature of the right length in characters but not in bytes — is a 401 on every
// protected route and on get-session a "no session", never a 500, and is logged at most at info.
import { connect } from "node:net";
import { Writable } from "node:stream";
import { buildApp } from "@taskflow/api/app";
import { parseApiEnv } from "@taskflow/api/env";
import { createTestDatabase, engines, type TestDatabase } from "@taskflow/testing/databases";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const COOKIE = "better-auth.session_token";

/**
 * Sends a request over a plain socket, so header values may hold any byte (fetch and http.request refuse
 * many). A character up to U+00FF is sent as that one byte, anything above as its UTF-8 bytes.
 */
function sendRaw(url: string, path: string, headers: Record<string, string>): Promise<number> {
  const { hostname, port } = new URL(url);
  const toBytes = (value: string) =>
    Buffer.concat(
      [...value].map((ch) =>
        (ch.codePointAt(0) ?? 0) <= 0xff ? Buffer.from(ch, "latin1") : Buffer.from(ch, "utf8"),
      ),
    );
  const head = Buffer.concat([
    Buffer.from(`GET ${path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\nconnection: close\r\n`),
    ...Object.entries(headers).map(([key, value]) =>
      Buffer.concat([Buffer.from(`${key}: `), toBytes(value), Buffer.from("\r\n")]),
    ),
    Buffer.from("\r\n"),
  ]);
  return new Promise((resolve, reject) => {
    // Written, not ended: a half-closed socket makes Node drop a request still being answered.
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(head));
    socket.setTimeout(15_000, () => socket.destroy());
    let response = "";
    socket.on("data", (chunk) => {
      response += chunk.toString("latin1");
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0)));
  });
}

describe.each(engines)("junk credentials on %s", (engine) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const logs: { level: number; msg?: string }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    const env = parseApiEnv({ NODE_ENV: "test", AUTH_RATE_LIMIT: "1000" });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    ({ app } = await buildApp({ env, database: db.database, logger: { level: "debug", stream } }));
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  // The shapes that have broken lookups before, plus what a fuzzer would try.
  const signature44 = (fill: string) => fill.repeat(43).slice(0, 43) + "=";
  const junk = [
    `tok.${signature44("é")}`,
    `tok.${signature44("€")}`,
    `tok.${signature44("😀")}`,
    `tok.${"A".repeat(42)}é=`,
    `tok.${signature44("A").slice(0, 42)}==`,
    `tok.${signature44("!")}`,
    `tok.%C3%A9${"A".repeat(42)}=`,
    `tok.%E2%82%AC${"A".repeat(42)}=`,
    `${"x".repeat(6000)}.${signature44("A")}`,
    "x".repeat(6000),
    "%00%00.%00",
    "%E0%A4%A",
    "%",
    ".",
    "..",
    "=",
    "é",
    "null",
    "undefined",
    "[object Object]",
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
  ];

  async function expectUnauthenticated(headers: Record<string, string>, label: string) {
    expect(await sendRaw(url, "/api/tasks", headers), `${label} /api/tasks`).toBe(401);
    expect(await sendRaw(url, "/api/tokens", headers), `${label} /api/tokens`).toBe(401);
    const session = await sendRaw(url, "/api/auth/get-session", headers);
    expect(session, `${label} get-session`).toBeLessThan(500);
  }

  it("each known junk shape, as cookie and as bearer, is a 401 (get-session: not a 500)", async () => {
    for (const value of junk) {
      await expectUnauthenticated({ cookie: `${COOKIE}=${value}` }, `cookie ${value.slice(0, 40)}`);
      await expectUnauthenticated({ authorization: `Bearer ${value}` }, `bearer ${value.slice(0, 40)}`);
    }
  });

  it("any string as cookie value or bearer token is a 401 (property)", async () => {
    const headerSafe = fc
      .string({ unit: "binary", minLength: 1, maxLength: 200 })
      // Header-safe: no control characters (the parser's business, tested below), no lone surrogates.
      .map((s) =>
        [...s]
          .filter((ch) => {
            const code = ch.codePointAt(0) ?? 0;
            return code >= 0x20 && code !== 0x7f && (code < 0xd800 || code > 0xdfff);
          })
          .join("")
          .trim(),
      )
      .filter((s) => s.length > 0 && !s.includes(";"));
    const shaped = fc.oneof(
      headerSafe,
      headerSafe.map((s) => `${s}.${signature44(s)}`),
      fc.tuple(headerSafe, headerSafe).map(([a, b]) => `${a}.${b}`),
    );
    await fc.assert(
      fc.asyncProperty(shaped, async (value) => {
        await expectUnauthenticated({ cookie: `${COOKIE}=${value}` }, `cookie ${JSON.stringify(value)}`);
        await expectUnauthenticated({ authorization: `Bearer ${value}` }, `bearer ${JSON.stringify(value)}`);
      }),
      { numRuns: 60 },
    );
  });

  it("a NUL or control byte in the header is refused before any route runs, with a 400", async () => {
    expect(await sendRaw(url, "/api/tasks", { cookie: `${COOKIE}=a\u0000b.${signature44("A")}` })).toBe(400);
    expect(await sendRaw(url, "/api/tasks", { authorization: "Bearer a\u0000b" })).toBe(400);
  });

  it("none of it was logged above info", () => {
    const loud = logs.filter((entry) => entry.level > 30);
    expect(loud.map((entry) => entry.msg)).toEqual([]);
  });
});
