import { describe, expect, it } from "vitest";
import { describeDue, dueInputs, zoneDayKey } from "./dates";

const LA = "America/Los_Angeles";
const TOKYO = "Asia/Tokyo";

describe("describeDue", () => {
  // 2026-11-30 20:00 in Los Angeles is 2026-12-01 04:00Z and 2026-12-01 13:00 in Tokyo.
  const now = new Date("2026-12-01T04:00:00Z");

  it("shows a timed due at its wall-clock time in the user's zone", () => {
    const due = describeDue("2026-12-01T18:00:00.000Z", LA, now); // 10:00 in LA, the next day there
    expect(due).toMatchObject({ key: "2026-12-01", time: "10:00", label: "Tomorrow 10:00 AM" });
    expect(due.overdue).toBe(false);
    expect(due.soon).toBe(true);
    const inTokyo = describeDue("2026-12-01T18:00:00.000Z", TOKYO, now); // 03:00 on Dec 2 in Tokyo
    expect(inTokyo).toMatchObject({ key: "2026-12-02", time: "03:00", label: "Tomorrow 3:00 AM" });
  });

  it("shows an all-day due as its calendar day in every zone, never shifted", () => {
    for (const zone of [LA, TOKYO, "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const due = describeDue("2026-12-05", zone, now);
      expect(due.key).toBe("2026-12-05");
      expect(due.time).toBeNull();
      expect(due.long).toBe("Saturday, December 5, 2026");
    }
  });

  it("computes today, tomorrow and overdue in the user's zone", () => {
    // In LA it is still Nov 30; in Tokyo it is already Dec 1.
    expect(describeDue("2026-11-30", LA, now).label).toBe("Today");
    expect(describeDue("2026-11-30", TOKYO, now).label).toBe("Yesterday");
    expect(describeDue("2026-12-01", LA, now).label).toBe("Tomorrow");
    expect(describeDue("2026-12-01", TOKYO, now).label).toBe("Today");
    // An all-day task due today is not overdue, even late in the evening.
    expect(describeDue("2026-11-30", LA, now).overdue).toBe(false);
    expect(describeDue("2026-11-30", TOKYO, now).overdue).toBe(true);
  });

  it("makes a timed due earlier today overdue, a later one not", () => {
    expect(describeDue("2026-12-01T02:00:00Z", LA, now)).toMatchObject({
      label: "Today 6:00 PM",
      overdue: true,
    });
    expect(describeDue("2026-12-01T05:00:00Z", LA, now)).toMatchObject({
      label: "Today 9:00 PM",
      overdue: false,
    });
  });

  it("reads a wall time without an offset (as the assistant's tool calls carry it) in the user's zone", () => {
    expect(describeDue("2026-12-01T10:00", LA, now)).toMatchObject({
      key: "2026-12-01",
      time: "10:00",
      label: "Tomorrow 10:00 AM",
      overdue: false,
    });
    expect(describeDue("2026-11-30T19:59:00", LA, now).overdue).toBe(true);
  });

  it("names far days by date, with the year only when it differs", () => {
    expect(describeDue("2026-12-20", LA, now).label).toBe("Dec 20");
    expect(describeDue("2027-01-20", LA, now).label).toBe("Jan 20, 2027");
    expect(describeDue("2026-12-03", LA, now).label).toBe("Thu");
  });
});

describe("dueInputs", () => {
  it("gives the date and time inputs of a due in the user's zone", () => {
    expect(dueInputs("2026-12-01T18:00:00.000Z", LA)).toEqual({ date: "2026-12-01", time: "10:00" });
    expect(dueInputs("2026-12-01T18:00:00.000Z", TOKYO)).toEqual({ date: "2026-12-02", time: "03:00" });
    expect(dueInputs("2026-12-05", TOKYO)).toEqual({ date: "2026-12-05", time: "" });
    expect(dueInputs(null, LA)).toEqual({ date: "", time: "" });
  });
});

describe("zoneDayKey", () => {
  it("is the calendar day in that zone", () => {
    const instant = new Date("2026-12-01T04:00:00Z");
    expect(zoneDayKey(instant, LA)).toBe("2026-11-30");
    expect(zoneDayKey(instant, TOKYO)).toBe("2026-12-01");
  });
});
