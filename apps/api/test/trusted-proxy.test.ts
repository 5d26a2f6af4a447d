// Who the sign-in rate limit counts: the socket peer, or — only when that peer is the one configured
// proxy hop — the last X-Forwarded-For entry it added. Requests come from two loopback addresses:
// 127.0.0.2 plays the trusted proxy, 127.0.0.1 an untrusted client reaching the api directly.

import { engines } from "@taskflow/testing/databases";
import { postJsonFrom } from "@taskflow/testing/post-from";
import { startTestStack, type TestStack } from "@taskflow/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiEnv } from "../src/env";

const PROXY = "127.0.0.2";
const OUTSIDER = "127.0.0.1";

/** POST /api/auth/sign-in/email from a chosen local address; resolves to the status. */
function signInFrom(
  apiUrl: string,
  localAddress: string,
  body: { email: string; password: string },
  forwardedFor?: string,
): Promise<number> {
  const headers: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  return postJsonFrom(`${apiUrl}/api/auth/sign-in/email`, localAddress, body, headers);
}

describe("TRUST_PROXY", () => {
  it("takes true, false, addresses, CIDRs and range names, and names what is wrong", () => {
    for (const ok of ["true", "false", "loopback", "127.0.0.2, 10.0.0.0/8,fd00::/8,::1", "uniquelocal,"])
      expect(() => parseApiEnv({ TRUST_PROXY: ok }), ok).not.toThrow();
    expect(() => parseApiEnv({ TRUST_PROXY: "proxy.local" })).toThrow(
      /TRUST_PROXY must be true, false or a list of peers: "proxy.local" is not an IP address/,
    );
    expect(() => parseApiEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/"10.0.0.0\/33" needs a prefix length/);
  });

  it("trusts one hop of the configured peers and nothing to the left of it", () => {
    const trust = parseApiEnv({ TRUST_PROXY: "127.0.0.2,10.0.0.0/8" }).TRUST_PROXY;
    expect(trust(PROXY, 0)).toBe(true);
    expect(trust(`::ffff:${PROXY}`, 0)).toBe(true);
    expect(trust("10.1.2.3", 0)).toBe(true);
    expect(trust(OUTSIDER, 0)).toBe(false);
    // The proxy's own X-Forwarded-For entry is the client, even when it is in a trusted range itself.
    expect(trust("10.1.2.3", 1)).toBe(false);
    expect(parseApiEnv({ TRUST_PROXY: "true" }).TRUST_PROXY("203.0.113.9", 0)).toBe(true);
    expect(parseApiEnv({ TRUST_PROXY: "true" }).TRUST_PROXY("203.0.113.9", 1)).toBe(false);
    expect(parseApiEnv({ TRUST_PROXY: "false" }).TRUST_PROXY(PROXY, 0)).toBe(false);
  });
});

// How the client address is resolved does not depend on the engine: one (the cheaper to start) is enough.
describe.each(engines.slice(-1))("the sign-in limit behind one trusted proxy on %s", (engine) => {
  let stack: TestStack;
  let email = "";
  beforeAll(async () => {
    stack = await startTestStack(engine, {
      env: { AUTH_RATE_LIMIT: "3", TRUST_PROXY: `${PROXY},10.0.0.0/8` },
    });
    // Signed up from the proxy for a client of its own, so no bucket used below is touched.
    email = `hop-${Date.now()}@example.com`;
    const up = await fetch(`${stack.apiUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Hop", email, password: "correct horse battery" }),
    });
    expect(up.status).toBe(200);
  });
  afterAll(() => stack?.close());

  it("is not dodged by a peer that is not the proxy sending a new X-Forwarded-For each time", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        await signInFrom(stack.apiUrl, OUTSIDER, { email, password: `guess ${i}` }, `198.51.100.${i + 1}`),
      );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("counts the client the proxy saw, even in a trusted range, whatever else the chain carries", async () => {
    // A client on a private network (10.0.0.5, inside a trusted range) sends its own X-Forwarded-For
    // through a proxy that appends: only the proxy's entry counts, not one hop further.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        await signInFrom(
          stack.apiUrl,
          PROXY,
          { email, password: `guess ${i}` },
          `198.51.100.${i + 1}, 10.0.0.5`,
        ),
      );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another client behind the same proxy has a bucket of its own.
    expect(await signInFrom(stack.apiUrl, PROXY, { email, password: "wrong" }, "10.0.0.6")).toBe(401);
  });
});
