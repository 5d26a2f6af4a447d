import { tagsSchema } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { parseTags, tagsError } from "./tag-input";

describe("the tags field", () => {
  it("reads tags as people type them: commas or spaces, with or without '#', any case, once each", () => {
    expect(parseTags("Work, #home  errands,,#work ##Été")).toEqual(["work", "home", "errands", "été"]);
    expect(parseTags("  , # ")).toEqual([]);
  });

  it("accepts exactly what the api's tagsSchema accepts", () => {
    for (const typed of ["work home", "a_b c-d 42", "x".repeat(32), "日本 ünï"]) {
      expect(tagsError(typed)).toBeNull();
      expect(tagsSchema.safeParse(parseTags(typed)).success).toBe(true);
    }
  });

  it("names the first tag the api would refuse, and why", () => {
    const cases: [typed: string, bad: string][] = [
      ["work -urgent", "-urgent"],
      ["ok _x", "_x"],
      ["fine what?", "what?"],
      [`ok ${"x".repeat(33)}`, "x".repeat(33)],
    ];
    for (const [typed, bad] of cases) {
      expect(tagsSchema.safeParse(parseTags(typed)).success).toBe(false);
      expect(tagsError(typed)).toBe(
        `“${bad}” is not a valid tag: use letters, digits, “-” or “_” (up to 32).`,
      );
    }
  });

  it("refuses more tags than a task can carry, counting repeats once", () => {
    const twenty = Array.from({ length: 20 }, (_, index) => `t${index}`).join(" ");
    expect(tagsError(`${twenty} t0 #T1`)).toBeNull();
    expect(tagsError(`${twenty} t20`)).toBe("At most 20 tags.");
    expect(tagsSchema.safeParse(parseTags(`${twenty} t20`)).success).toBe(false);
  });
});
