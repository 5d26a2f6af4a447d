import { recurrenceInputSchema } from "@taskflow/contracts/recurrence";
import { describe, expect, it } from "vitest";
import { fieldError } from "./field-error.test-support";
import { parseRecurrence } from "./parse-recurrence";

describe("parseRecurrence (the contracts' RRULE grammar)", () => {
  it.each([
    ["FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"],
    ["freq=weekly;byday=mo", "FREQ=WEEKLY;BYDAY=MO"],
    ["RRULE:FREQ=DAILY", "FREQ=DAILY"],
    ["  FREQ=DAILY;INTERVAL=1  ", "FREQ=DAILY"],
    ["FREQ=WEEKLY; BYDAY = MO, TH", "FREQ=WEEKLY;BYDAY=MO,TH"],
    ["BYDAY=FR;INTERVAL=2;FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"],
    ["FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-1FR"],
    ["FREQ=MONTHLY;BYDAY=+2TU", "FREQ=MONTHLY;BYDAY=2TU"],
    ["FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;BYMONTHDAY=-1"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"],
    ["FREQ=DAILY;COUNT=5", "FREQ=DAILY;COUNT=5"],
    ["FREQ=DAILY;UNTIL=20261231", "FREQ=DAILY;UNTIL=20261231"],
    ["FREQ=DAILY;UNTIL=20261231T170000Z", "FREQ=DAILY;UNTIL=20261231T170000Z"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"],
    ["FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;WKST=SU", "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO;WKST=SU"],
  ])("accepts %s as %s", (input, canonical) => {
    expect(parseRecurrence(input).rule).toBe(canonical);
  });

  // Each bad rule is refused with a message that names the part at fault.
  it.each([
    ["", /must not be empty/],
    ["BYDAY=MO", /has no FREQ/],
    ["FREQ=SOMETIMES", /FREQ=SOMETIMES is not a frequency/],
    ["FREQ=HOURLY", /FREQ=HOURLY is not supported: a task repeats at most daily/],
    ["FREQ=MINUTELY;INTERVAL=5", /FREQ=MINUTELY is not supported/],
    ["FREQ=DAILY;BYHOUR=9", /BYHOUR is not supported: a task keeps the time of day of its due/],
    ["FREQ=DAILY;FOO=1", /FOO is not an RRULE part/],
    ["FREQ=DAILY;FREQ=WEEKLY", /FREQ is given twice/],
    ["FREQ=DAILY;;INTERVAL=2", /empty part/],
    ["FREQ=DAILY;INTERVAL", /"INTERVAL" is not a NAME=VALUE part/],
    ["FREQ=DAILY;INTERVAL=", /INTERVAL has no value/],
    ["FREQ=DAILY;INTERVAL=0", /INTERVAL=0 is out of range/],
    ["FREQ=DAILY;INTERVAL=-2", /INTERVAL=-2 is out of range/],
    ["FREQ=DAILY;INTERVAL=x", /INTERVAL=X is not a whole number \(1 to 1000\)/],
    ["FREQ=DAILY;COUNT=0", /COUNT=0 is out of range/],
    ["FREQ=MONTHLY;BYMONTHDAY=32", /BYMONTHDAY=32 is out of range: .*1 to 31/],
    ["FREQ=MONTHLY;BYMONTHDAY=0", /BYMONTHDAY=0 is out of range/],
    ["FREQ=YEARLY;BYMONTH=13", /BYMONTH=13 is out of range: it must be a whole number from 1 to 12/],
    ["FREQ=WEEKLY;BYDAY=XX", /BYDAY=XX is not a weekday/],
    ["FREQ=WEEKLY;BYDAY=MONDAY", /BYDAY=MONDAY is not a weekday/],
    ["FREQ=WEEKLY;WKST=XX", /WKST=XX is not a weekday/],
    ["FREQ=DAILY;COUNT=2;UNTIL=20260101", /both COUNT and UNTIL/],
    ["FREQ=DAILY;UNTIL=2026-12-31", /UNTIL=2026-12-31 is not a date/],
    ["FREQ=DAILY;UNTIL=20260230", /UNTIL=20260230 is not a real date/],
    ["FREQ=DAILY;UNTIL=20261231T170000", /UNTIL=20261231T170000 has no Z/],
    ["FREQ=WEEKLY;BYMONTHDAY=3", /BYMONTHDAY cannot be used with FREQ=WEEKLY/],
    ["FREQ=DAILY;BYDAY=1MO", /BYDAY=1MO \(with an ordinal\) needs FREQ=MONTHLY or YEARLY, not FREQ=DAILY/],
    ["FREQ=MONTHLY;BYDAY=6FR", /a month has at most 5 of each weekday/],
    ["FREQ=MONTHLY;BYWEEKNO=3", /BYWEEKNO needs FREQ=YEARLY/],
    ["FREQ=MONTHLY;BYYEARDAY=3", /BYYEARDAY needs FREQ=YEARLY/],
    ["FREQ=MONTHLY;BYSETPOS=1", /BYSETPOS needs another BYxxx part/],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", /BYMONTHDAY=30 never falls in BYMONTH=2/],
    ["DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY", /only the RRULE value/],
    ["FREQ=DAILY;BYMONTH=1".padEnd(501, ",1"), /at most 500 characters/],
  ])("refuses %j with a message naming the problem", (input, message) => {
    expect(() => parseRecurrence(input)).toThrow(fieldError("recurrence", message));
  });
});

describe("recurrenceInputSchema (the body field)", () => {
  it("canonicalises a rule and passes null through", () => {
    expect(recurrenceInputSchema.parse("rrule:freq=weekly;byday=fr;interval=2")).toBe(
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
    );
    expect(recurrenceInputSchema.parse(null)).toBeNull();
  });

  it("fails with the problem as the issue message, not a generic one", () => {
    const result = recurrenceInputSchema.safeParse("FREQ=MONTHLY;BYMONTHDAY=32");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/BYMONTHDAY=32 is out of range/);
    const wrongType = recurrenceInputSchema.safeParse(7);
    expect(wrongType.error?.issues[0]?.message).toMatch(/must be an RRULE string/);
    expect(recurrenceInputSchema.safeParse("FREQ=DAILY\u0000").success).toBe(false);
  });
});
