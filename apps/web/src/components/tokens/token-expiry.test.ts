import { describe, expect, it } from "vitest";
import { expiryLabel } from "./token-expiry";

const now = new Date("2026-11-30T12:00:00Z");

describe("token expiry label", () => {
  it("counts whole days left, rounding up, and says when it has passed", () => {
    expect(expiryLabel(null, now)).toBeNull();
    expect(expiryLabel("2026-12-30T11:59:59Z", now)).toBe("expires in 30 days");
    expect(expiryLabel("2026-11-30T18:00:00Z", now)).toBe("expires in 1 day");
    expect(expiryLabel("2026-11-30T12:00:00Z", now)).toBe("expired");
    expect(expiryLabel("2026-11-01T00:00:00Z", now)).toBe("expired");
  });
});
