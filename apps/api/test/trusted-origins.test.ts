import { describe, expect, it } from "vitest";
import { trustedOrigins } from "../src/auth/create-auth";
import { parseApiEnv } from "../src/env";

describe("trusted origins for sign-in", () => {
  it("trusts the public origin and its localhost/127.0.0.1 twin", () => {
    expect(trustedOrigins("http://localhost:3000/", [])).toEqual([
      "http://localhost:3000",
      "http://127.0.0.1:3000",
    ]);
    expect(trustedOrigins("https://taskflow.local", [])).toEqual(["https://taskflow.local"]);
  });

  it("adds BETTER_AUTH_TRUSTED_ORIGINS and rejects a malformed list", () => {
    const env = parseApiEnv({
      BETTER_AUTH_TRUSTED_ORIGINS: "http://localhost:3000, http://192.168.49.2:30080",
    });
    expect(trustedOrigins("https://taskflow.local", env.BETTER_AUTH_TRUSTED_ORIGINS)).toEqual([
      "https://taskflow.local",
      "http://localhost:3000",
      "http://192.168.49.2:30080",
    ]);
    expect(() => parseApiEnv({ BETTER_AUTH_TRUSTED_ORIGINS: "not a url" })).toThrow(
      /BETTER_AUTH_TRUSTED_ORIGINS/,
    );
  });
});
