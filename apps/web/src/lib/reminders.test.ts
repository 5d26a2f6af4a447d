import { describe, expect, it } from "vitest";
import { remindFromTask, remindWall, shiftWall } from "./reminders";

describe("reminder choices", () => {
  it("moves wall times on the calendar", () => {
    expect(shiftWall("2026-12-01T00:10", -30)).toBe("2026-11-30T23:40");
    expect(remindWall("1d", "2026-03-01", "08:00")).toBe("2026-02-28T08:00");
    expect(remindWall("due", "2026-12-05", "")).toBe("2026-12-05T09:00");
    expect(remindWall("30m", "2026-12-05", "")).toBe("2026-12-05T08:30");
    expect(remindWall("none", "2026-12-05", "10:00")).toBeNull();
    expect(remindWall("1h", "", "")).toBeNull();
  });

  it("reads a stored reminder back as the choice it lines up with, in the user's zone", () => {
    // 09:00 in Los Angeles on 5 Dec is 17:00Z; a reminder 30 min before is 16:30Z.
    expect(
      remindFromTask("2026-12-05T16:30:00.000Z", "2026-12-05T17:00:00.000Z", "America/Los_Angeles"),
    ).toEqual({
      choice: "30m",
      at: "2026-12-05T08:30",
    });
    expect(remindFromTask("2026-12-05T00:00:00.000Z", "2026-12-05", "Asia/Tokyo")).toEqual({
      choice: "due",
      at: "2026-12-05T09:00",
    });
    expect(remindFromTask("2026-12-04T12:00:00.000Z", "2026-12-05", "UTC")).toEqual({
      choice: "custom",
      at: "2026-12-04T12:00",
    });
    expect(remindFromTask(null, "2026-12-05", "UTC").choice).toBe("none");
  });
});
