import { tampered } from "@taskflow/testing/tampered";
import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAgentTokenMinter, signAgentToken, verifyAgentToken } from "./agent-token";

const SECRET = "agent-token-test-secret-0123456789abcdef";

describe("agent tokens", () => {
  afterEach(() => vi.useRealTimers());

  it("verify to their user; forged, other-secret and expired tokens do not", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-22T10:00:00Z"), toFake: ["Date"] });
    const token = await signAgentToken(SECRET, "user-a", 60);
    expect(await verifyAgentToken(SECRET, token)).toBe("user-a");
    expect(await verifyAgentToken(`${SECRET}-other`, token)).toBeNull();
    expect(await verifyAgentToken(SECRET, tampered(token))).toBeNull();
    vi.setSystemTime(new Date("2026-11-22T10:01:01Z"));
    expect(await verifyAgentToken(SECRET, token)).toBeNull();
  });

  it("a token without exp or without sub (or with an empty one) is refused, even when correctly signed", async () => {
    const key = new TextEncoder().encode(SECRET);
    const base = () =>
      new SignJWT({})
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer("taskflow-api")
        .setAudience("taskflow-mcp")
        .setIssuedAt();
    const complete = await base().setSubject("user-a").setExpirationTime("60s").sign(key);
    expect(await verifyAgentToken(SECRET, complete)).toBe("user-a");
    const variants = {
      "no exp": await base().setSubject("user-a").sign(key),
      "no sub": await base().setExpirationTime("60s").sign(key),
      "empty sub": await base().setSubject("").setExpirationTime("60s").sign(key),
      "exp not a number": await new SignJWT({ exp: "never" as unknown as number, sub: "user-a" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer("taskflow-api")
        .setAudience("taskflow-mcp")
        .sign(key),
      "exp years away": await base().setSubject("user-a").setExpirationTime("3650d").sign(key),
    };
    for (const [label, token] of Object.entries(variants))
      expect(await verifyAgentToken(SECRET, token), label).toBeNull();
  });

  it("the minter reuses a user's token while it has the minimum life left, then mints a new one", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-22T10:00:00Z"), toFake: ["Date"] });
    const mint = createAgentTokenMinter(SECRET, 90); // each token lives 150 s
    const first = await mint("user-a");
    const other = await mint("user-b");
    expect(other).not.toBe(first);
    expect(await verifyAgentToken(SECRET, first)).toBe("user-a");
    expect(await verifyAgentToken(SECRET, other)).toBe("user-b");

    vi.setSystemTime(new Date("2026-11-22T10:00:58Z")); // 91 s of life left
    expect(await mint("user-a")).toBe(first);

    vi.setSystemTime(new Date("2026-11-22T10:01:01Z")); // 88 s left: too little for a whole turn
    const second = await mint("user-a");
    expect(second).not.toBe(first);
    expect(await verifyAgentToken(SECRET, second)).toBe("user-a");
    // Whatever it hands out outlives the minimum: the old one is still valid for the turn that has it.
    vi.setSystemTime(new Date("2026-11-22T10:02:29Z"));
    expect(await verifyAgentToken(SECRET, first)).toBe("user-a");
    vi.setSystemTime(new Date("2026-11-22T10:02:31Z"));
    expect(await verifyAgentToken(SECRET, first)).toBeNull();
    expect(await verifyAgentToken(SECRET, second)).toBe("user-a");
  });
});
