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

  it.each([
    [
      "water the plants every saturday at 9, remind me at 8:30",
      {
        title: "water the plants",
        due_at: "2026-12-05T09:00",
        recurrence: "FREQ=WEEKLY;BYDAY=SA",
        remind_at: "2026-12-05T08:30",
      },
    ],
    [
      "pay rent on the 1st of every month #home",
      { title: "pay rent", tags: ["home"], due_at: "2026-12-01", recurrence: "FREQ=MONTHLY;BYMONTHDAY=1" },
    ],
    // 22:30 on Monday: today's 9:30 has passed, so the first is Tuesday's.
    [
      "standup every weekday at 9:30",
      { title: "standup", due_at: "2026-12-01T09:30", recurrence: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" },
    ],
    [
      "every 2 weeks on friday review budget",
      { title: "review budget", due_at: "2026-12-04", recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR" },
    ],
    [
      "every year on 3 march mum's birthday",
      { title: "mum's birthday", due_at: "2027-03-03", recurrence: "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3" },
    ],
    [
      "gym daily at 7 !high",
      { title: "gym", priority: "high", due_at: "2026-12-01T07:00", recurrence: "FREQ=DAILY" },
    ],
    ["weekly review notes", { title: "weekly review notes" }],
    ["daily standup notes friday", { title: "daily standup notes", due_at: "2026-12-04" }],
    [
      "dentist friday 3pm, remind me 30 min before",
      { title: "dentist", due_at: "2026-12-04T15:00", remind_at: "2026-12-04T14:30" },
    ],
    [
      "call mum sunday 10am remind me an hour before",
      { title: "call mum", due_at: "2026-12-06T10:00", remind_at: "2026-12-06T09:00" },
    ],
  ])("repeats and reminders: %s", (text, expected) => {
    expect(parseQuickAdd(text, now, la)).toEqual(expected);
  });

  it.each([
    ["put out the bins weekly", /which day/],
    ["stretch every morning", /every morning/],
    ["call mum friday, remind me 30 min before", /needs a due time/],
  ])("a repeat or reminder it cannot place is an error: %s", (text, said) => {
    expect(parseQuickAdd(text, now, la)).toEqual({ error: expect.stringMatching(said) });
  });

  it("reads the day in the user's zone (Tokyo is already Dec 1)", () => {
    expect(parseQuickAdd("gym today", new Date("2026-11-30T16:00:00Z"), "Asia/Tokyo")).toEqual({
      title: "gym",
      due_at: "2026-12-01",
    });
  });
});
