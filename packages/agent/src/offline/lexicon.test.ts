import { describe, expect, it } from "vitest";
import { ORDINALS, VERBS, type VerbUse, verbs } from "./lexicon.js";

const USES: readonly VerbUse[] = [
  "command",
  "set",
  "clause",
  "on-it",
  "wish",
  "after-reference",
  "confirm",
  "edit",
  "maybe-edit",
  "clear-field",
  "untag",
  "before-number",
  "rename",
  "split",
  "shift-days",
  "end-repeat",
  "skip",
  "make-list",
  "rename-list",
  "drop-list",
  "into-list",
  "out-of-list",
];

function reads(use: VerbUse, said: string): boolean {
  return new RegExp(`^(?:${verbs(use)})$`, "i").test(said);
}

describe("the lexicon", () => {
  it("spells each verb once", () => {
    const said = VERBS.map((v) => v.say);
    expect(new Set(said).size).toBe(said.length);
  });

  it.each(USES)("has verbs for %s, each a valid pattern", (use) => {
    expect(verbs(use).length).toBeGreaterThan(0);
    expect(() => new RegExp(verbs(use))).not.toThrow();
  });

  it("keeps each verb to the places it is safe in", () => {
    // "cancel my subscription" is a task: "cancel" never opens a clause of its own.
    expect(reads("command", "cancel")).toBe(true);
    expect(reads("clause", "cancel")).toBe(false);
    // Deleting a set takes "wipe", a field is cleared with "unset", neither is a clause verb.
    expect(reads("set", "wipe")).toBe(true);
    expect(reads("clear-field", "unset")).toBe(true);
    expect(reads("command", "unset")).toBe(false);
    // "push back" is one edit verb, but after "task 4:" only "push" is (the "back" stays with the date).
    expect(reads("edit", "push back")).toBe(true);
    expect(reads("after-reference", "push back")).toBe(false);
    expect(verbs("command", "delete")).not.toMatch(/\bcomplete\b/);
  });

  it("reads list positions as numbers", () => {
    expect(ORDINALS.first).toBe(1);
    expect(ORDINALS["2nd"]).toBe(2);
    expect(ORDINALS["3rd"]).toBe(3);
    expect(ORDINALS.tenth).toBe(10);
    expect(ORDINALS["11th"]).toBeUndefined();
  });
});
