import { isoDay, wallClock } from "@taskflow/contracts/zoned-time";
import { invalid } from "../errors";
import { buildRule, occurrenceAfter } from "./engine";
import { parseRecurrence } from "./parse-recurrence";
import { checkTimeZone } from "./zoned-time";

export interface FirstOccurrenceInput {
  rule: string;
  timeZone: string;
  /** The moment the rule is set. */
  now: Date;
  /** A local time of day (`HH:MM` or `HH:MM:SS`) for a timed task; absent for an all-day one. */
  time?: string;
}

export interface FirstOccurrence {
  /** The wire form: `YYYY-MM-DD` for an all-day task, else an ISO instant in UTC. */
  due: string;
  /** The stored form: the instant, or midnight UTC of the day for an all-day task. */
  dueAt: Date;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * The due for a rule set without one ("water the plants every saturday at 9"): the rule's first
 * occurrence from today in the user's zone, anchored there (so "every 2 weeks" counts from this week).
 * An all-day task may land on today; a timed one on the first occurrence not yet past.
 */
export function firstOccurrence(input: FirstOccurrenceInput): FirstOccurrence | null {
  const { parts } = parseRecurrence(input.rule);
  checkTimeZone(input.timeZone);
  const today = wallClock(input.now, input.timeZone);
  const day = isoDay(today).replaceAll("-", "");
  if (input.time === undefined) {
    const rule = buildRule({ parts, dtstart: `${day}T000000`, timeZone: "UTC" }, false);
    const first = occurrenceAfter(rule, new Date(`${isoDay(today)}T00:00:00Z`), true);
    return first && { due: first.day, dueAt: new Date(first.epochMilliseconds) };
  }
  const time = TIME.exec(input.time);
  if (!time) throw invalid("time", "must be a time of day HH:MM");
  const dtstart = `${day}T${time[1]}${time[2]}${time[3] ?? "00"}`;
  const rule = buildRule({ parts, dtstart, timeZone: input.timeZone }, false);
  const first = occurrenceAfter(rule, input.now, true);
  return (
    first && {
      due: new Date(first.epochMilliseconds).toISOString(),
      dueAt: new Date(first.epochMilliseconds),
    }
  );
}
