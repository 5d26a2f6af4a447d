import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

const ORIGIN = "http://localhost:3000";

/** Where a browser on ORIGIN ends up after `location.assign(path)`. */
const landsOn = (path: string) => new URL(path, ORIGIN).origin;

describe("safeNextPath", () => {
  it.each([
    ["/", "/"],
    ["/tokens", "/tokens"],
    ["/?status=pending&q=milk#top", "/?status=pending&q=milk#top"],
    ["/tokens?from=%2F%2Fevil.example", "/tokens?from=%2F%2Fevil.example"],
    // Encoded slashes and tabs stay encoded: a path on this site, not a way out.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/@evil.example", "/@evil.example"],
  ])("keeps the same-site path %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    // Another host, spelled every way a browser accepts.
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\\\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    // Tabs, newlines and other control characters are dropped by the URL parser: "/<TAB>/x" is "//x".
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "/\u001f/evil.example",
    "/\u007f/evil.example",
    "\t//evil.example",
    " //evil.example",
    // Dot segments that normalise to "//host".
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/./\\evil.example",
    // Absolute URLs and other schemes.
    "https://evil.example",
    "http:evil.example",
    "HTTPS://evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
    `/${"a".repeat(3000)}`,
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("refuses what is not a string", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(null)).toBe("/");
  });

  it("never returns anything that leaves the site, whatever it is given", () => {
    const hostile = fc.constantFrom("/", "//", "/\\", "\\", "/\t/", "/./", "/../", "https:", "%2F", "@", ".");
    const input = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc
        .array(fc.oneof(hostile, fc.string({ maxLength: 6 })), { maxLength: 8 })
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(input, (next) => {
        const path = safeNextPath(next);
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//")).toBe(false);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
        expect(path).not.toMatch(/[\\\u0000-\u001f\u007f]/);
        expect(landsOn(path)).toBe(ORIGIN);
        // Stable: the browser reads the result the same way again.
        expect(safeNextPath(path)).toBe(path);
      }),
      { numRuns: 1000 },
    );
  });
});
