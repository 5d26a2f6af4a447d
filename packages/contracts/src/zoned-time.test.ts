import { describe, expect, it } from "vitest";
import {
  dayAndTimeInZone,
  dayInZone,
  dueInZone,
  isIntlTimeZone,
  isoDay,
  isoMinute,
  isWallTime,
  wallClock,
  wallTimeInZone,
} from "./zoned-time";

const LA = "America/Los_Angeles";
const BERLIN = "Europe/Berlin";
const SYDNEY = "Australia/Sydney";
const ADELAIDE = "Australia/Adelaide";
const KOLKATA = "Asia/Kolkata";

const wall = (iso: string, zone: string) => wallTimeInZone(new Date(iso), zone);
const MINUTE = 60_000;

/** The wall times of every minute from `fromIso` for `minutes` minutes. */
function sweep(fromIso: string, minutes: number, zone: string): string[] {
  const start = Date.parse(fromIso);
  return Array.from({ length: minutes }, (_, i) => wall(new Date(start + i * MINUTE).toISOString(), zone));
}

/** `YYYY-MM-DDTHH:MM` of an instant shifted by a fixed offset: the oracle for zones without DST. */
function fixedOffset(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, 16);
}

describe("wallClock", () => {
  it("reads every field, seconds included, and shows midnight as 00 (not 24)", () => {
    expect(wallClock(new Date("2026-12-31T23:59:58Z"), "UTC")).toEqual({
      year: 2026,
      month: 12,
      day: 31,
      hour: 23,
      minute: 59,
      second: 58,
    });
    expect(wallClock(new Date("2026-07-01T07:00:00Z"), LA)).toMatchObject({ day: 1, hour: 0, minute: 0 });
    expect(wall("2026-01-01T00:00:00Z", "UTC")).toBe("2026-01-01T00:00");
  });

  it("throws a RangeError for a zone Intl does not know", () => {
    expect(() => wallClock(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("daylight saving in Los Angeles, Berlin and Sydney", () => {
  it("jumps over the spring-forward gap: no wall time inside it is ever shown", () => {
    // LA: 2026-03-08 02:00 PST → 03:00 PDT (10:00Z).
    expect(wall("2026-03-08T09:59:00Z", LA)).toBe("2026-03-08T01:59");
    expect(wall("2026-03-08T10:00:00Z", LA)).toBe("2026-03-08T03:00");
    expect(sweep("2026-03-08T08:00:00Z", 240, LA).filter((w) => w.startsWith("2026-03-08T02:"))).toEqual([]);
    // Berlin: 2026-03-29 02:00 CET → 03:00 CEST (01:00Z).
    expect(wall("2026-03-29T00:59:00Z", BERLIN)).toBe("2026-03-29T01:59");
    expect(wall("2026-03-29T01:00:00Z", BERLIN)).toBe("2026-03-29T03:00");
    expect(sweep("2026-03-29T00:00:00Z", 180, BERLIN).some((w) => w.startsWith("2026-03-29T02:"))).toBe(
      false,
    );
    // Sydney (southern spring, October): 2026-10-04 02:00 AEST → 03:00 AEDT (2026-10-03 16:00Z).
    expect(wall("2026-10-03T15:59:00Z", SYDNEY)).toBe("2026-10-04T01:59");
    expect(wall("2026-10-03T16:00:00Z", SYDNEY)).toBe("2026-10-04T03:00");
    expect(sweep("2026-10-03T15:00:00Z", 180, SYDNEY).some((w) => w.startsWith("2026-10-04T02:"))).toBe(
      false,
    );
  });

  it("shows the fall-back overlap twice: two instants an hour apart read the same wall time", () => {
    // LA: 2026-11-01 02:00 PDT → 01:00 PST; 01:30 happens at 08:30Z and again at 09:30Z.
    expect(wall("2026-11-01T08:30:00Z", LA)).toBe("2026-11-01T01:30");
    expect(wall("2026-11-01T09:30:00Z", LA)).toBe("2026-11-01T01:30");
    const la = sweep("2026-11-01T08:00:00Z", 120, LA);
    expect(la.filter((w) => w === "2026-11-01T01:30")).toHaveLength(2);
    expect(la.at(-1)).toBe("2026-11-01T01:59");
    // Berlin: 2026-10-25 03:00 CEST → 02:00 CET; 02:30 at 00:30Z and 01:30Z.
    expect(wall("2026-10-25T00:30:00Z", BERLIN)).toBe("2026-10-25T02:30");
    expect(wall("2026-10-25T01:30:00Z", BERLIN)).toBe("2026-10-25T02:30");
    // Sydney (southern autumn, April): 2026-04-05 03:00 AEDT → 02:00 AEST.
    expect(wall("2026-04-04T15:30:00Z", SYDNEY)).toBe("2026-04-05T02:30");
    expect(wall("2026-04-04T16:30:00Z", SYDNEY)).toBe("2026-04-05T02:30");
  });

  it("keeps the day a whole day on the short and long days", () => {
    // 23 and 25 wall hours: the calendar day still changes exactly once, at local midnight.
    expect(dayInZone(new Date("2026-03-08T07:59:00Z"), LA)).toBe("2026-03-07");
    expect(dayInZone(new Date("2026-03-08T08:00:00Z"), LA)).toBe("2026-03-08");
    expect(dayInZone(new Date("2026-03-09T06:59:00Z"), LA)).toBe("2026-03-08");
    expect(dayInZone(new Date("2026-03-09T07:00:00Z"), LA)).toBe("2026-03-09");
    expect(dayInZone(new Date("2026-11-02T07:59:00Z"), LA)).toBe("2026-11-01");
    expect(dayInZone(new Date("2026-11-02T08:00:00Z"), LA)).toBe("2026-11-02");
  });
});

describe("far-east, half-hour and quarter-hour zones", () => {
  it("reads UTC+14 and UTC+13 a calendar day ahead of UTC−11 at the same instant", () => {
    const instant = new Date("2026-01-01T10:00:00Z");
    expect(wallTimeInZone(instant, "Pacific/Kiritimati")).toBe("2026-01-02T00:00"); // +14
    expect(wallTimeInZone(instant, "Pacific/Tongatapu")).toBe("2026-01-01T23:00"); // +13
    expect(wallTimeInZone(instant, "Pacific/Pago_Pago")).toBe("2025-12-31T23:00"); // −11
    expect(wall("2026-01-01T09:59:00Z", "Pacific/Kiritimati")).toBe("2026-01-01T23:59");
  });

  it("matches a fixed offset all year where there is no daylight saving", () => {
    const zones: [string, number][] = [
      [KOLKATA, 330],
      ["Asia/Kathmandu", 345],
      ["Pacific/Kiritimati", 840],
      ["Pacific/Tongatapu", 780],
      ["Pacific/Pago_Pago", -660],
      ["UTC", 0],
    ];
    // Every 7 h 13 min over 2026: lands on every hour and many minutes, both sides of every midnight.
    const start = Date.parse("2026-01-01T00:00:00Z");
    for (let ms = start; ms < start + 366 * 86_400_000; ms += 433 * MINUTE) {
      for (const [zone, offset] of zones)
        expect(wallTimeInZone(new Date(ms), zone)).toBe(fixedOffset(ms, offset));
    }
  });

  it("turns the day at local midnight in Kolkata (+05:30)", () => {
    expect(wall("2026-06-30T18:29:00Z", KOLKATA)).toBe("2026-06-30T23:59");
    expect(wall("2026-06-30T18:30:00Z", KOLKATA)).toBe("2026-07-01T00:00");
  });

  it("follows Adelaide's half-hour zone across both daylight-saving changes (+09:30 / +10:30)", () => {
    // 2026-10-04 02:00 ACST → 03:00 ACDT.
    expect(wall("2026-10-03T16:29:00Z", ADELAIDE)).toBe("2026-10-04T01:59");
    expect(wall("2026-10-03T16:30:00Z", ADELAIDE)).toBe("2026-10-04T03:00");
    // 2026-04-05 03:00 ACDT → 02:00 ACST: 02:30 twice.
    expect(wall("2026-04-04T16:00:00Z", ADELAIDE)).toBe("2026-04-05T02:30");
    expect(wall("2026-04-04T17:00:00Z", ADELAIDE)).toBe("2026-04-05T02:30");
    expect(wall("2026-07-01T00:00:00Z", ADELAIDE)).toBe("2026-07-01T09:30");
    expect(wall("2026-01-01T00:00:00Z", ADELAIDE)).toBe("2026-01-01T10:30");
  });

  it("follows Lord Howe's half-hour daylight-saving shift", () => {
    // 2026-10-04 02:00 (+10:30) → 02:30 (+11).
    expect(wall("2026-10-03T15:29:00Z", "Australia/Lord_Howe")).toBe("2026-10-04T01:59");
    expect(wall("2026-10-03T15:30:00Z", "Australia/Lord_Howe")).toBe("2026-10-04T02:30");
  });
});

describe("formatting", () => {
  it("pads days, months, hours and minutes, and the year to four digits", () => {
    expect(isoDay({ year: 2026, month: 3, day: 8 })).toBe("2026-03-08");
    expect(isoDay({ year: 999, month: 12, day: 31 })).toBe("0999-12-31");
    expect(isoMinute({ hour: 7, minute: 5 })).toBe("07:05");
    expect(dayAndTimeInZone(new Date("2026-03-08T10:05:00Z"), LA)).toEqual({
      day: "2026-03-08",
      time: "03:05",
    });
  });
});

describe("isIntlTimeZone", () => {
  it("knows IANA zones, including ones written in another case, and refuses anything else", () => {
    for (const zone of [LA, KOLKATA, ADELAIDE, "UTC", "Etc/GMT+5", "america/los_angeles"]) {
      expect(isIntlTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ["", "Mars/Olympus_Mons", "Europe/Paris ", "not a zone"]) {
      expect(isIntlTimeZone(zone), zone).toBe(false);
    }
  });

  it("reads every ASCII spelling of a zone alike, and refuses a look-alike of a zone it has read", () => {
    const instant = new Date("2026-03-08T10:00:00Z");
    for (const zone of [LA, "america/los_angeles", "AMERICA/LOS_ANGELES"]) {
      expect(wallTimeInZone(instant, zone), zone).toBe("2026-03-08T03:00");
    }
    expect(wallTimeInZone(instant, KOLKATA)).toBe("2026-03-08T15:30");
    // U+212A KELVIN SIGN lower-cases to "k"; Intl refuses it, and so must a zone read before.
    expect(isIntlTimeZone("Asia/\u212Aolkata")).toBe(false);
    expect(() => wallClock(instant, "Asia/\u212Aolkata")).toThrow(RangeError);
  });
});

describe("dueInZone: date-only vs date-time", () => {
  it("keeps a date-only due as its calendar day in every zone, never shifted", () => {
    for (const zone of [LA, BERLIN, SYDNEY, KOLKATA, ADELAIDE, "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      expect(dueInZone("2026-03-08", zone), zone).toEqual({ day: "2026-03-08", time: null });
    }
  });

  it("reads a wall time without an offset as it is, even one inside a daylight-saving gap", () => {
    expect(dueInZone("2026-03-08T02:30", LA)).toEqual({ day: "2026-03-08", time: "02:30" });
    expect(dueInZone("2026-03-29T02:15:59.5", BERLIN)).toEqual({ day: "2026-03-29", time: "02:15" });
    expect(isWallTime("2026-03-08T02:30")).toBe(true);
    expect(isWallTime("2026-03-08T02:30:00Z")).toBe(false);
    expect(isWallTime("2026-03-08")).toBe(false);
  });

  it("reads an instant (Z or an offset) at its wall-clock time in the zone", () => {
    expect(dueInZone("2026-03-08T10:00:00.000Z", LA)).toEqual({ day: "2026-03-08", time: "03:00" });
    expect(dueInZone("2026-03-08T10:00:00+01:00", SYDNEY)).toEqual({ day: "2026-03-08", time: "20:00" });
    expect(dueInZone("2026-06-30T18:30:00Z", KOLKATA)).toEqual({ day: "2026-07-01", time: "00:00" });
    expect(dueInZone("2026-01-01T10:00:00Z", "Pacific/Kiritimati")).toEqual({
      day: "2026-01-02",
      time: "00:00",
    });
  });

  it("answers null for what is not a date", () => {
    expect(dueInZone("soon", LA)).toBeNull();
    expect(dueInZone("", LA)).toBeNull();
    expect(dueInZone("2026-13-45T99:99:99Z", LA)).toBeNull();
  });
});
