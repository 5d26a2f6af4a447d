import { wallClock } from "@taskflow/contracts/zoned-time";
import { describe, expect, it } from "vitest";
import { fieldError } from "./field-error.test-support";
import { type NextOccurrenceInput, nextOccurrence } from "./next-occurrence";

const LA = "America/Los_Angeles";
const BERLIN = "Europe/Berlin";
const SYDNEY = "Australia/Sydney";

const timed = (rule: string, due: string, timeZone: string, today: string | Date) =>
  nextOccurrence({ rule, due, allDay: false, timeZone, today });
const allDay = (rule: string, due: string, today: string, timeZone = "UTC") =>
  nextOccurrence({ rule, due, allDay: true, timeZone, today });

/** "HH:MM" of an instant in a zone. */
const localTime = (iso: string, timeZone: string) => {
  const wall = wallClock(new Date(iso), timeZone);
  return `${String(wall.hour).padStart(2, "0")}:${String(wall.minute).padStart(2, "0")}`;
};

/** Completes a task over and over (on its due day) and collects the dues it moves to. */
function series(input: NextOccurrenceInput, steps: number): string[] {
  const dues: string[] = [];
  let current: NextOccurrenceInput = input;
  for (let step = 0; step < steps; step += 1) {
    const next = nextOccurrence(current);
    if (!next) break;
    dues.push(next.due);
    const today = input.allDay ? next.due : next.dueAt;
    current = { ...current, rule: next.rule, due: next.due, today };
  }
  return dues;
}

describe("nextOccurrence across daylight-saving changes keeps the local time of day", () => {
  it("America/Los_Angeles, March (PST → PDT) and November (PDT → PST)", () => {
    // Sat 7 March 2026 09:00 PST; the clocks go forward on Sunday 8 March.
    const march = timed("FREQ=DAILY", "2026-03-07T17:00:00Z", LA, "2026-03-07");
    expect(march?.due).toBe("2026-03-08T16:00:00.000Z");
    expect(localTime(march?.due ?? "", LA)).toBe("09:00");
    // Sat 31 October 09:00 PDT; the clocks go back on Sunday 1 November.
    const november = timed("FREQ=DAILY", "2026-10-31T16:00:00Z", LA, "2026-10-31");
    expect(november?.due).toBe("2026-11-01T17:00:00.000Z");
    expect(localTime(november?.due ?? "", LA)).toBe("09:00");
    // A weekly rule over the switch.
    expect(timed("FREQ=WEEKLY;BYDAY=FR", "2026-03-06T17:00:00Z", LA, "2026-03-06")?.due).toBe(
      "2026-03-13T16:00:00.000Z",
    );
  });

  it("Europe/Berlin, 29 March (CET → CEST) and 25 October (CEST → CET)", () => {
    const spring = timed("FREQ=WEEKLY;BYDAY=MO", "2026-03-23T07:00:00Z", BERLIN, "2026-03-23");
    expect(spring?.due).toBe("2026-03-30T06:00:00.000Z");
    expect(localTime(spring?.due ?? "", BERLIN)).toBe("08:00");
    const autumn = timed("FREQ=WEEKLY;BYDAY=MO", "2026-10-19T06:00:00Z", BERLIN, "2026-10-19");
    expect(autumn?.due).toBe("2026-10-26T07:00:00.000Z");
    expect(localTime(autumn?.due ?? "", BERLIN)).toBe("08:00");
  });

  it("Australia/Sydney, southern hemisphere: 5 April (AEDT → AEST) and 4 October (AEST → AEDT)", () => {
    // Sat 4 April 09:00 AEDT (+11) → Sun 5 April 09:00 AEST (+10).
    const april = timed("FREQ=DAILY", "2026-04-03T22:00:00Z", SYDNEY, "2026-04-04");
    expect(april?.due).toBe("2026-04-04T23:00:00.000Z");
    expect(localTime(april?.due ?? "", SYDNEY)).toBe("09:00");
    // Sat 3 October 09:00 AEST → Sun 4 October 09:00 AEDT.
    const october = timed("FREQ=DAILY", "2026-10-02T23:00:00Z", SYDNEY, "2026-10-03");
    expect(october?.due).toBe("2026-10-03T22:00:00.000Z");
    expect(localTime(october?.due ?? "", SYDNEY)).toBe("09:00");
  });

  it("skips a day whose local time falls in the spring-forward gap (RFC 5545), keeping 02:30 after it", () => {
    // 02:30 does not exist in Los Angeles on 8 March 2026.
    const next = timed("FREQ=DAILY", "2026-03-07T10:30:00Z", LA, "2026-03-07");
    expect(next?.due).toBe("2026-03-09T09:30:00.000Z");
    expect(localTime(next?.due ?? "", LA)).toBe("02:30");
  });

  it("reads today in the user's zone when given an instant", () => {
    // 06:00 UTC on 10 March is still 9 March (23:00) in Los Angeles: the next is 10 March 09:00 local.
    expect(timed("FREQ=DAILY", "2026-03-01T17:00:00Z", LA, new Date("2026-03-10T06:00:00Z"))?.due).toBe(
      "2026-03-10T16:00:00.000Z",
    );
    // The same instant is 10 March in Berlin: the next is 11 March.
    expect(timed("FREQ=DAILY", "2026-03-01T08:00:00Z", BERLIN, new Date("2026-03-10T06:00:00Z"))?.due).toBe(
      "2026-03-11T08:00:00.000Z",
    );
  });
});

describe("nextOccurrence after both the due and today", () => {
  it("a task overdue for several periods moves past today, not to another past date", () => {
    expect(timed("FREQ=DAILY", "2026-03-01T17:00:00Z", LA, "2026-03-10")?.due).toBe(
      "2026-03-11T16:00:00.000Z",
    );
    // Weekly on Monday, last due 5 January, completed on Wednesday 28 January.
    expect(allDay("FREQ=WEEKLY;BYDAY=MO", "2026-01-05", "2026-01-28")?.due).toBe("2026-02-02");
    // Monthly on the 1st, three months overdue.
    expect(allDay("FREQ=MONTHLY;BYMONTHDAY=1", "2026-01-01", "2026-04-15")?.due).toBe("2026-05-01");
    // Completed on a day the rule hits: that day's occurrence is the one done, the next is after it.
    expect(allDay("FREQ=WEEKLY;BYDAY=MO", "2026-01-05", "2026-01-26")?.due).toBe("2026-02-02");
  });

  it("completing before the time on the due day moves to the next day, not later the same day", () => {
    expect(timed("FREQ=DAILY", "2026-03-10T16:00:00Z", LA, new Date("2026-03-10T15:00:00Z"))?.due).toBe(
      "2026-03-11T16:00:00.000Z",
    );
  });

  it("completing early moves past the current due", () => {
    // Due Monday 12 January, done on Wednesday 7 January: next is Monday 19 January.
    expect(allDay("FREQ=WEEKLY;BYDAY=MO", "2026-01-12", "2026-01-07")?.due).toBe("2026-01-19");
  });

  it("uses the rule, not the due's weekday, when the due does not match it", () => {
    // Due on a Wednesday, repeats on Mondays.
    expect(allDay("FREQ=WEEKLY;BYDAY=MO", "2026-01-07", "2026-01-07")?.due).toBe("2026-01-12");
  });
});

describe("nextOccurrence of all-day tasks: floating calendar days", () => {
  it("gives the day and its stored form (midnight UTC), whatever the user's zone", () => {
    for (const zone of [LA, BERLIN, SYDNEY, "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const next = allDay("FREQ=DAILY", "2026-03-07", "2026-03-07", zone);
      expect(next).toEqual({
        due: "2026-03-08",
        dueAt: new Date("2026-03-08T00:00:00Z"),
        rule: "FREQ=DAILY",
      });
    }
  });

  it("accepts the stored Date as the due", () => {
    const next = nextOccurrence({
      rule: "FREQ=WEEKLY",
      due: new Date("2026-03-28T00:00:00Z"),
      allDay: true,
      timeZone: SYDNEY,
      today: "2026-03-28",
    });
    expect(next?.due).toBe("2026-04-04");
  });
});

describe("nextOccurrence at month ends and leap days (RFC 5545: invalid dates are skipped)", () => {
  it("BYMONTHDAY=31 skips the months without a 31st", () => {
    expect(
      series(
        {
          rule: "FREQ=MONTHLY;BYMONTHDAY=31",
          due: "2026-01-31",
          allDay: true,
          timeZone: BERLIN,
          today: "2026-01-31",
        },
        4,
      ),
    ).toEqual(["2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31"]);
  });

  it("a monthly rule started on the 31st keeps the 31st; BYMONTHDAY=-1 is every month's last day", () => {
    expect(allDay("FREQ=MONTHLY", "2026-01-31", "2026-01-31")?.due).toBe("2026-03-31");
    expect(
      series(
        {
          rule: "FREQ=MONTHLY;BYMONTHDAY=-1",
          due: "2027-12-31",
          allDay: true,
          timeZone: "UTC",
          today: "2027-12-31",
        },
        3,
      ),
    ).toEqual(["2028-01-31", "2028-02-29", "2028-03-31"]);
    expect(allDay("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31", "2026-01-31")?.due).toBe("2026-02-28");
  });

  it("BYMONTHDAY=30 skips February; a timed one keeps its time", () => {
    const next = timed("FREQ=MONTHLY;BYMONTHDAY=30", "2026-01-30T08:00:00Z", BERLIN, "2026-01-30");
    expect(next?.due).toBe("2026-03-30T07:00:00.000Z");
    expect(localTime(next?.due ?? "", BERLIN)).toBe("09:00");
  });

  it("a yearly task on 29 February comes back in the next leap year", () => {
    expect(allDay("FREQ=YEARLY", "2024-02-29", "2024-02-29")?.due).toBe("2028-02-29");
    expect(allDay("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2025-03-01", "2025-03-01")?.due).toBe("2028-02-29");
    const timedLeap = timed("FREQ=YEARLY", "2028-02-29T09:00:00Z", BERLIN, "2028-02-29");
    expect(timedLeap?.due).toBe("2032-02-29T09:00:00.000Z");
    // The last Friday of February is there every year.
    expect(allDay("FREQ=YEARLY;BYMONTH=2;BYDAY=-1FR", "2026-02-27", "2026-02-27")?.due).toBe("2027-02-26");
  });
});

describe("nextOccurrence when COUNT or UNTIL ends the series", () => {
  it("COUNT: the rule it returns carries what is left, and the last completion ends the series", () => {
    const first = allDay("FREQ=DAILY;COUNT=3", "2026-01-05", "2026-01-05");
    expect(first).toMatchObject({ due: "2026-01-06", rule: "FREQ=DAILY;COUNT=2" });
    const second = allDay(first?.rule ?? "", first?.due ?? "", "2026-01-06");
    expect(second).toMatchObject({ due: "2026-01-07", rule: "FREQ=DAILY;COUNT=1" });
    expect(allDay(second?.rule ?? "", second?.due ?? "", "2026-01-07")).toBeNull();
    expect(
      series(
        { rule: "FREQ=WEEKLY;COUNT=4", due: "2026-01-05", allDay: true, timeZone: LA, today: "2026-01-05" },
        10,
      ),
    ).toEqual(["2026-01-12", "2026-01-19", "2026-01-26"]);
  });

  it("COUNT: occurrences skipped while overdue are used up too", () => {
    const next = allDay("FREQ=DAILY;COUNT=5", "2026-01-01", "2026-01-03");
    expect(next).toMatchObject({ due: "2026-01-04", rule: "FREQ=DAILY;COUNT=2" });
    expect(allDay("FREQ=DAILY;COUNT=5", "2026-01-01", "2026-01-05")).toBeNull();
  });

  it("UNTIL a day includes that day, in the user's zone for a timed task", () => {
    expect(
      series(
        {
          rule: "FREQ=WEEKLY;UNTIL=20260119",
          due: "2026-01-05",
          allDay: true,
          timeZone: LA,
          today: "2026-01-05",
        },
        10,
      ),
    ).toEqual(["2026-01-12", "2026-01-19"]);
    // 19 January 09:00 in Los Angeles is 17:00 UTC, after UTC midnight of the 19th: still included.
    expect(timed("FREQ=DAILY;UNTIL=20260119", "2026-01-18T17:00:00Z", LA, "2026-01-18")?.due).toBe(
      "2026-01-19T17:00:00.000Z",
    );
    expect(timed("FREQ=DAILY;UNTIL=20260119", "2026-01-19T17:00:00Z", LA, "2026-01-19")).toBeNull();
  });

  it("UNTIL an instant ends an all-day series on that instant's day in the user's zone", () => {
    // 20 January 06:00 UTC is 19 January (22:00) in Los Angeles and 20 January in Berlin.
    const rule = "FREQ=DAILY;UNTIL=20260120T060000Z";
    expect(allDay(rule, "2026-01-19", "2026-01-19", LA)).toBeNull();
    expect(allDay(rule, "2026-01-19", "2026-01-19", BERLIN)?.due).toBe("2026-01-20");
  });

  it("a series already past its UNTIL has no next", () => {
    expect(allDay("FREQ=DAILY;UNTIL=20250101", "2026-01-05", "2026-01-05")).toBeNull();
  });
});

describe("nextOccurrence refuses bad input with a validation error naming the field", () => {
  const base: NextOccurrenceInput = {
    rule: "FREQ=DAILY",
    due: "2026-01-05",
    allDay: true,
    timeZone: "UTC",
    today: "2026-01-05",
  };
  it.each<[Partial<NextOccurrenceInput>, string, RegExp]>([
    [{ rule: "FREQ=MONTHLY;BYMONTHDAY=32" }, "recurrence", /BYMONTHDAY=32 is out of range/],
    [{ rule: "FREQ=HOURLY" }, "recurrence", /FREQ=HOURLY is not supported/],
    [{ timeZone: "Mars/Olympus_Mons" }, "time_zone", /IANA time zone/],
    [{ due: "2026-02-30" }, "due_at", /calendar day/],
    [{ due: "2026-01-05T09:00:00", allDay: false }, "due_at", /instant with an offset/],
    [{ due: "soon", allDay: false }, "due_at", /instant/],
    [{ today: "tomorrow" }, "today", /calendar day/],
    // Valid grammar, but only every 28 years or so: the engine gives up, and says so on the field.
    [{ rule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO" }, "recurrence", /never occurs, or too rarely/],
  ])("%j → %s", (change, field, message) => {
    expect(() => nextOccurrence({ ...base, ...change })).toThrow(fieldError(field, message));
  });
});
