import { describe, expect, it } from "vitest";
import { scopeWords, signedOAuthQuery } from "./scopes";

describe("consent page helpers", () => {
  it("keeps exactly the signed parameters of Better Auth's redirect, in order", () => {
    const search =
      "client_id=abc&scope=tasks%3Aread+tasks%3Awrite&exp=99&ba_param=client_id&ba_param=exp&ba_param=scope&sig=s%2Bg%3D&utm_source=mail";
    const kept = new URLSearchParams(signedOAuthQuery(search));
    expect([...kept.keys()]).toEqual([
      "client_id",
      "scope",
      "exp",
      "ba_param",
      "ba_param",
      "ba_param",
      "sig",
    ]);
    expect(kept.get("sig")).toBe("s+g=");
    expect(kept.get("scope")).toBe("tasks:read tasks:write");
    expect(kept.has("utm_source")).toBe(false);
  });

  it("names scopes in plain words, and unknown ones as they are", () => {
    expect(scopeWords("tasks:read")).toMatch(/^See your tasks/);
    expect(scopeWords("tasks:write")).toMatch(/^Add, change/);
    expect(scopeWords("something:else")).toBe("something:else");
  });
});
