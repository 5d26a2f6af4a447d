// Property tests: nextOccurrence against a brute-force oracle written from RFC 5545's definitions (walk
// the calendar day by day and keep the first day the rule allows), for generated rules, dues, todays
// and zones.

import {
  formatRecurrence,
  type RecurrenceParts,
  WEEKDAYS,
  type Weekday,
} from "@taskflow/contracts/recurrence";
import { isoDay, type WallClock, wallClock } from "@taskflow/contracts/zoned-time";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextOccurrence } from "./next-occurrence";

const ZONES = [
  "UTC",
  "America/Los_Angeles",
  "Europe/Berlin",
  "Australia/Sydney",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "America/St_Johns",
];
const DAY_MS = 86_400_000;

type Day = { year: number; month: number; day: number };
const dayNumber = (d: Day) => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
const fromNumber = (n: number): Day => {
  const date = new Date(n * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};
const parseIsoDay = (text: string): Day => {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};
// 1970-01-01 was a Thursday; index into MO…SU.
const weekdayOf = (n: number): Weekday => WEEKDAYS[(((n + 3) % 7) + 7) % 7] as Weekday;
const mondayOf = (n: number) => n - WEEKDAYS.indexOf(weekdayOf(n));

/** Does the rule, anchored at `start`, generate the calendar day `d`? (RFC 5545 for this rule family.) */
function generates(parts: RecurrenceParts, start: Day, d: Day): boolean {
  const n = dayNumber(d);
  const s = dayNumber(start);
  switch (parts.freq) {
    case "DAILY":
      return (n - s) % parts.interval === 0;
    case "WEEKLY": {
      const days = parts.byDay?.map((entry) => entry.weekday) ?? [weekdayOf(s)];
      const weeks = (mondayOf(n) - mondayOf(s)) / 7;
      return weeks % parts.interval === 0 && days.includes(weekdayOf(n));
    }
    case "MONTHLY": {
      const months = (d.year - start.year) * 12 + (d.month - start.month);
      return months % parts.interval === 0 && d.day === (parts.byMonthDay?.[0] ?? start.day);
    }
    case "YEARLY":
      return (d.year - start.year) % parts.interval === 0 && d.month === start.month && d.day === start.day;
  }
}

const offsetAt = (ms: number, timeZone: string) => {
  const w = wallClock(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - ms;
};

/** Whether the wall time exists on that day in the zone (not in a spring-forward gap). */
function exists(d: Day, time: WallClock, timeZone: string): boolean {
  const local = Date.UTC(d.year, d.month - 1, d.day, time.hour, time.minute, time.second);
  return [offsetAt(local - DAY_MS, timeZone), offsetAt(local + DAY_MS, timeZone)].some((offset) => {
    const w = wallClock(new Date(local - offset), timeZone);
    return (
      w.year === d.year &&
      w.month === d.month &&
      w.day === d.day &&
      w.hour === time.hour &&
      w.minute === time.minute
    );
  });
}

const ruleArbitrary: fc.Arbitrary<RecurrenceParts> = fc.oneof(
  fc.record({ freq: fc.constant("DAILY" as const), interval: fc.integer({ min: 1, max: 5 }) }),
  fc.record({
    freq: fc.constant("WEEKLY" as const),
    interval: fc.integer({ min: 1, max: 3 }),
    byDay: fc.option(
      fc.subarray([...WEEKDAYS], { minLength: 1 }).map((days) => days.map((weekday) => ({ weekday }))),
      { nil: undefined },
    ),
  }),
  fc.record({
    freq: fc.constant("MONTHLY" as const),
    interval: fc.integer({ min: 1, max: 4 }),
    byMonthDay: fc.option(
      fc.integer({ min: 1, max: 31 }).map((day) => [day]),
      { nil: undefined },
    ),
  }),
  fc.record({ freq: fc.constant("YEARLY" as const), interval: fc.integer({ min: 1, max: 2 }) }),
);

// Dues between 2020 and 2031 on whole minutes; today up to 100 days before to 400 days after the due.
const dueArbitrary = fc
  .integer({ min: 26_297_280, max: 32_084_640 })
  .map((minutes) => new Date(minutes * 60_000));
const caseArbitrary = fc.record({
  parts: ruleArbitrary,
  due: dueArbitrary,
  todayShift: fc.integer({ min: -100, max: 400 }),
  timeZone: fc.constantFrom(...ZONES),
  allDay: fc.boolean(),
});

describe("nextOccurrence (properties)", () => {
  it("is strictly after max(due, today), matches the rule, and is the first such day", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ parts, due, todayShift, timeZone, allDay }) => {
        const rule = formatRecurrence(parts);
        const dueWall = allDay
          ? { ...wallClock(due, "UTC"), hour: 0, minute: 0, second: 0 }
          : wallClock(due, timeZone);
        const start: Day = { year: dueWall.year, month: dueWall.month, day: dueWall.day };
        const today = fromNumber(dayNumber(start) + todayShift);
        const next = nextOccurrence({
          rule,
          due: allDay ? isoDay(start) : due,
          allDay,
          timeZone,
          today: isoDay(today),
        });
        if (!next) throw new Error(`an endless rule ${rule} ran out`);
        const got: Day = allDay ? parseIsoDay(next.due) : wallClock(next.dueAt, timeZone);
        // After the due and after today.
        expect(dayNumber(got)).toBeGreaterThan(Math.max(dayNumber(start), dayNumber(today)));
        if (!allDay) expect(next.dueAt.getTime()).toBeGreaterThan(due.getTime());
        // The rule generates it.
        expect(generates(parts, start, got)).toBe(true);
        // No earlier day after max(due, today) that the rule generates (and where the time exists).
        for (let n = Math.max(dayNumber(start), dayNumber(today)) + 1; n < dayNumber(got); n += 1) {
          const day = fromNumber(n);
          const skippable = !allDay && !exists(day, dueWall, timeZone);
          if (!skippable) expect(generates(parts, start, day), `skipped ${isoDay(day)}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the local time of day of a timed task, across daylight-saving changes", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ parts, due, todayShift, timeZone }) => {
        const before = wallClock(due, timeZone);
        const today = fromNumber(dayNumber(before) + todayShift);
        const next = nextOccurrence({
          rule: formatRecurrence(parts),
          due,
          allDay: false,
          timeZone,
          today: isoDay(today),
        });
        const after = wallClock(next?.dueAt ?? new Date(Number.NaN), timeZone);
        expect([after.hour, after.minute, after.second]).toEqual([before.hour, before.minute, before.second]);
      }),
      { numRuns: 300 },
    );
  });

  it("COUNT=c gives c dues in all: completing each on its day walks the endless rule's dues, then ends", () => {
    fc.assert(
      fc.property(
        caseArbitrary,
        fc.integer({ min: 1, max: 6 }),
        ({ parts, due, timeZone, allDay }, count) => {
          const start = allDay ? isoDay(wallClock(due, "UTC")) : due.toISOString();
          const walk = (rule: string, limit: number) => {
            const dues: string[] = [];
            let current = { rule, due: start, today: allDay ? start : isoDay(wallClock(due, timeZone)) };
            while (dues.length < limit) {
              const next = nextOccurrence({ ...current, allDay, timeZone });
              if (!next) break;
              dues.push(next.due);
              const today = allDay ? next.due : isoDay(wallClock(next.dueAt, timeZone));
              current = { rule: next.rule, due: next.due, today };
            }
            return dues;
          };
          const endless = walk(formatRecurrence(parts), count - 1);
          expect(walk(formatRecurrence({ ...parts, count }), count + 1)).toEqual(endless);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("all-day dues are midnight UTC of the day, in every zone", () => {
    fc.assert(
      fc.property(caseArbitrary, ({ parts, due, todayShift, timeZone }) => {
        const start = isoDay(wallClock(due, "UTC"));
        const today = isoDay(fromNumber(dayNumber(parseIsoDay(start)) + todayShift));
        const next = nextOccurrence({
          rule: formatRecurrence(parts),
          due: start,
          allDay: true,
          timeZone,
          today,
        });
        expect(next?.dueAt.toISOString()).toBe(`${next?.due}T00:00:00.000Z`);
      }),
      { numRuns: 100 },
    );
  });
});
