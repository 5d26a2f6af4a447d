import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { dueFromRule, resolveTaskRecurrence } from "./repeat";

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors.map((f) => f.field);
    throw error;
  }
  return "no error";
};

describe("resolveTaskRecurrence", () => {
  it.each([
    ["FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO", undefined],
    ["rrule:freq=daily;interval=1", "FREQ=DAILY", undefined],
    ["every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", undefined],
    ["every saturday at 9", "FREQ=WEEKLY;BYDAY=SA", "09:00"],
    ["at 9 every saturday", "FREQ=WEEKLY;BYDAY=SA", "09:00"],
    ["every monday at 9pm", "FREQ=WEEKLY;BYDAY=MO", "21:00"],
    ["every monday 9:30pm", "FREQ=WEEKLY;BYDAY=MO", "21:30"],
    ["every day at 12am", "FREQ=DAILY", "00:00"],
    ["every weekday at 08:15.", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "08:15"],
    ["on the 1st of every month at 18:00", "FREQ=MONTHLY;BYMONTHDAY=1", "18:00"],
  ])("%s → %s at %s", (input, rule, time) => {
    expect(resolveTaskRecurrence(input)).toEqual(time ? { rule, time } : { rule });
  });

  it.each([
    "every now and then",
    "FREQ=WEEKLY;BYMONTHDAY=3",
    "every saturday at 25",
    "every saturday at 9:75",
    "every 2 weeks 3",
    "every saturday at 13pm",
    "water the plants every saturday",
    "every saturday at noon",
  ])("refuses %s on recurrence", (input) => {
    expect(fieldOf(() => resolveTaskRecurrence(input))).toEqual(["recurrence"]);
  });
});

describe("dueFromRule", () => {
  // Friday 4 December 2026, 18:00 in Los Angeles.
  const now = new Date("2026-12-05T02:00:00Z");
  const zone = "America/Los_Angeles";

  it("gives the first occurrence from today in the user's zone, timed or all day", () => {
    expect(dueFromRule({ rule: "FREQ=WEEKLY;BYDAY=SA", time: "09:00" }, zone, now)).toEqual({
      kind: "instant",
      value: "2026-12-05T17:00:00.000Z",
    });
    expect(dueFromRule({ rule: "FREQ=WEEKLY;BYDAY=FR" }, zone, now)).toEqual({
      kind: "day",
      value: "2026-12-04",
    });
    // 17:00 today has passed in Los Angeles: the next Friday.
    expect(dueFromRule({ rule: "FREQ=WEEKLY;BYDAY=FR", time: "17:00" }, zone, now)).toEqual({
      kind: "instant",
      value: "2026-12-12T01:00:00.000Z",
    });
    expect(dueFromRule({ rule: "FREQ=DAILY" }, "Asia/Tokyo", now)).toEqual({
      kind: "day",
      value: "2026-12-05",
    });
  });

  it("refuses a rule that does not name its days, and one that has ended", () => {
    for (const rule of ["FREQ=WEEKLY", "FREQ=MONTHLY;INTERVAL=2", "FREQ=YEARLY", "FREQ=YEARLY;BYMONTH=3"]) {
      expect(
        fieldOf(() => dueFromRule({ rule }, zone, now)),
        rule,
      ).toEqual(["recurrence"]);
    }
    expect(fieldOf(() => dueFromRule({ rule: "FREQ=DAILY;UNTIL=20200101" }, zone, now))).toEqual([
      "recurrence",
    ]);
    expect(dueFromRule({ rule: "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3" }, zone, now)).toEqual({
      kind: "day",
      value: "2027-03-03",
    });
  });
});
