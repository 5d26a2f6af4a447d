import { describe, expect, it } from "vitest";
import { fieldError } from "./field-error.test-support";
import { firstOccurrence } from "./first-occurrence";

const LA = "America/Los_Angeles";
// Wednesday 11 March 2026, 10:00 in Los Angeles (PDT, −7).
const now = new Date("2026-03-11T17:00:00Z");

describe("firstOccurrence (a rule set without a due)", () => {
  it("all-day: the first day from today (in the user's zone) that the rule allows", () => {
    expect(firstOccurrence({ rule: "FREQ=WEEKLY;BYDAY=SA", timeZone: LA, now })?.due).toBe("2026-03-14");
    expect(firstOccurrence({ rule: "FREQ=WEEKLY;BYDAY=WE", timeZone: LA, now })?.due).toBe("2026-03-11");
    expect(firstOccurrence({ rule: "FREQ=DAILY", timeZone: LA, now })).toEqual({
      due: "2026-03-11",
      dueAt: new Date("2026-03-11T00:00:00Z"),
    });
    expect(firstOccurrence({ rule: "FREQ=MONTHLY;BYMONTHDAY=1", timeZone: LA, now })?.due).toBe("2026-04-01");
    expect(firstOccurrence({ rule: "FREQ=MONTHLY;BYMONTHDAY=31", timeZone: LA, now })?.due).toBe(
      "2026-03-31",
    );
    expect(firstOccurrence({ rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", timeZone: LA, now })?.due).toBe(
      "2028-02-29",
    );
    // 02:00 UTC on 12 March is still the 11th in Los Angeles, already the 12th in Tokyo.
    const late = new Date("2026-03-12T02:00:00Z");
    expect(firstOccurrence({ rule: "FREQ=DAILY", timeZone: LA, now: late })?.due).toBe("2026-03-11");
    expect(firstOccurrence({ rule: "FREQ=DAILY", timeZone: "Asia/Tokyo", now: late })?.due).toBe(
      "2026-03-12",
    );
  });

  it("timed: the first occurrence at that local time that is not yet past", () => {
    // "every saturday at 9": Saturday 14 March 09:00 PDT.
    expect(firstOccurrence({ rule: "FREQ=WEEKLY;BYDAY=SA", timeZone: LA, now, time: "09:00" })?.due).toBe(
      "2026-03-14T16:00:00.000Z",
    );
    // "every day at 9" at 10:00: today's 09:00 is past, so tomorrow.
    expect(firstOccurrence({ rule: "FREQ=DAILY", timeZone: LA, now, time: "09:00" })?.due).toBe(
      "2026-03-12T16:00:00.000Z",
    );
    // "every day at 18:30": still today.
    expect(firstOccurrence({ rule: "FREQ=DAILY", timeZone: LA, now, time: "18:30" })?.due).toBe(
      "2026-03-12T01:30:00.000Z",
    );
  });

  it("refuses a bad time of day on its field", () => {
    expect(() => firstOccurrence({ rule: "FREQ=DAILY", timeZone: LA, now, time: "25:00" })).toThrow(
      fieldError("time", /HH:MM/),
    );
    expect(() => firstOccurrence({ rule: "FREQ=DAILY", timeZone: LA, now, time: "9am" })).toThrow(/HH:MM/);
  });
});
