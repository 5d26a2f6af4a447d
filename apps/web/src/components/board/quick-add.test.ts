import { describe, expect, it } from "vitest";
import { hasMarks, quickAddBody } from "./quick-add";
import { EMPTY_DRAFT } from "./task-draft";

const typed = { ...EMPTY_DRAFT, title: "buy milk tomorrow 9am #groceries !high" };
const parsed = {
  title: "buy milk",
  priority: "high" as const,
  tags: ["groceries"],
  due_at: "2026-12-01T09:00",
};

describe("quick add", () => {
  it("takes title, priority, tags and due from the parse when the form leaves them alone", () => {
    expect(quickAddBody(typed, parsed)).toEqual({
      title: "buy milk",
      description: "",
      priority: "high",
      tags: ["groceries"],
      due_at: "2026-12-01T09:00",
    });
  });

  it("lets the form's own priority, tags and due win over the marks", () => {
    const draft = { ...typed, priority: "low" as const, tags: "home", due: "2026-12-24", time: "" };
    expect(quickAddBody(draft, parsed)).toMatchObject({
      title: "buy milk",
      priority: "low",
      tags: ["home"],
      due_at: "2026-12-24",
    });
  });

  it("keeps the raw text as the title without a parse, or when the parse leaves no title", () => {
    expect(quickAddBody(typed, null)).toMatchObject({ title: typed.title, priority: "none", tags: [] });
    expect(
      quickAddBody({ ...typed, title: "#groceries" }, { title: " ", tags: ["groceries"] }),
    ).toMatchObject({ title: "#groceries", tags: ["groceries"] });
  });

  it("shows chips only when the parse found marks", () => {
    expect(hasMarks({ kind: "parsed", text: "x", result: { title: "x" } })).toBe(false);
    expect(hasMarks({ kind: "parsed", text: "x !low", result: { title: "x", priority: "low" } })).toBe(true);
    expect(hasMarks({ kind: "unavailable", text: "x" })).toBe(false);
  });
});
