import { describe, expect, it } from "vitest";
import { parseQuickAdd } from "./quick-add.js";

const now = new Date("2026-12-01T06:30:00Z"); // Mon 30 Nov, 22:30 in Los Angeles
const la = "America/Los_Angeles";

describe("parseQuickAdd", () => {
  it.each([
    [
      "Buy milk tomorrow #errands !high",
      { title: "Buy milk", tags: ["errands"], priority: "high", due_at: "2026-12-01" },
    ],
    ["haircut tomorrow at 10am", { title: "haircut", due_at: "2026-12-01T10:00" }],
    [
      "Call the bank friday 9:30am p1",
      { title: "Call the bank", priority: "high", due_at: "2026-12-04T09:30" },
    ],
    [
      "renew passport !1 #admin #travel",
      { title: "renew passport", priority: "high", tags: ["admin", "travel"] },
    ],
    ["water plants !low next monday", { title: "water plants", priority: "low", due_at: "2026-12-07" }],
    ["Read the Monday memo", { title: "Read the Monday memo" }],
  ])("%s", (text, expected) => {
    expect(parseQuickAdd(text, now, la)).toEqual(expected);
  });

  it("refuses a date that does not exist, and an empty line", () => {
    expect(parseQuickAdd("pay rent feb 30", now, la)).toEqual({ error: expect.stringContaining("February") });
    expect(parseQuickAdd("   ", now, la)).toHaveProperty("error");
  });

  it("reads the day in the user's zone (Tokyo is already Dec 1)", () => {
    expect(parseQuickAdd("gym today", new Date("2026-11-30T16:00:00Z"), "Asia/Tokyo")).toEqual({
      title: "gym",
      due_at: "2026-12-01",
    });
  });
});
