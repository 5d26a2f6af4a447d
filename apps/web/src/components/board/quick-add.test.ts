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

  it("sends the repeat and reminder the parse read, unless the form set its own or its own due", () => {
    const line = { ...EMPTY_DRAFT, title: "water the plants every saturday at 9, remind me at 8:30" };
    const read = {
      title: "water the plants",
      due_at: "2026-12-05T09:00",
      recurrence: "FREQ=WEEKLY;BYDAY=SA",
      remind_at: "2026-12-05T08:30",
    };
    expect(quickAddBody(line, read)).toMatchObject({
      due_at: "2026-12-05T09:00",
      recurrence: "FREQ=WEEKLY;BYDAY=SA",
      remind_at: "2026-12-05T08:30",
    });
    // The form's own due wins, and the reminder counted from the parsed due is not sent with it.
    const own = quickAddBody({ ...line, due: "2026-12-24", time: "10:00" }, read);
    expect(own).toMatchObject({ due_at: "2026-12-24T10:00", recurrence: "FREQ=WEEKLY;BYDAY=SA" });
    expect(own).not.toHaveProperty("remind_at");
    expect(hasMarks({ kind: "parsed", text: "x", result: { title: "x", recurrence: "FREQ=DAILY" } })).toBe(
      true,
    );
  });

  it("shows chips only when the parse found marks", () => {
    expect(hasMarks({ kind: "parsed", text: "x", result: { title: "x" } })).toBe(false);
    expect(hasMarks({ kind: "parsed", text: "x !low", result: { title: "x", priority: "low" } })).toBe(true);
    expect(hasMarks({ kind: "unavailable", text: "x" })).toBe(false);
  });
});
