// The one place that talks to the RRULE engine (rrule-temporal): a checked rule plus a DTSTART in,
// occurrences out. Everything else in this folder speaks our own types.

import { formatRecurrence, type RecurrenceParts } from "@taskflow/contracts/recurrence";
import { RRuleTemporal } from "rrule-temporal";
import { invalid } from "../errors";

/** A series: the rule's parts, anchored at a local DTSTART (`YYYYMMDDTHHMMSS`) in a zone. */
export interface Series {
  parts: RecurrenceParts;
  dtstart: string;
  timeZone: string;
}

export interface Occurrence {
  epochMilliseconds: number;
  /** `YYYY-MM-DD`, the occurrence's calendar day in the series' zone. */
  day: string;
}

// Cap the engine's search so a rule that (almost) never happens fails fast instead of spinning.
const MAX_ITERATIONS = 5000;

/**
 * `includeDtstart` (the default): RFC 5545 makes DTSTART the first occurrence (counted by COUNT) even
 * when the rule would not generate it; for a task, the current due is that first occurrence. Without
 * it, DTSTART only anchors the rule (for finding a first due).
 */
export function buildRule(series: Series, includeDtstart = true): RRuleTemporal {
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${series.timeZone}:${series.dtstart}\nRRULE:${formatRecurrence(series.parts)}`,
    includeDtstart,
    maxIterations: MAX_ITERATIONS,
  });
}

const toOccurrence = (value: { epochMilliseconds: number; toPlainDate(): { toString(): string } }) => ({
  epochMilliseconds: value.epochMilliseconds,
  day: value.toPlainDate().toString(),
});

/** The engine gives up on rules whose next occurrence is thousands of periods away: say so on the field. */
function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && /iteration|evaluation/i.test(error.message)) {
      throw invalid("recurrence", "never occurs, or too rarely to schedule (check BYMONTH/BYMONTHDAY/BYDAY)");
    }
    throw error;
  }
}

/** The first occurrence after `after` (or at it, when `inclusive`), or null when the series has ended. */
export function occurrenceAfter(rule: RRuleTemporal, after: Date, inclusive = false): Occurrence | null {
  return guarded(() => {
    const next = rule.next(after, inclusive);
    return next ? toOccurrence(next) : null;
  });
}

/** How many occurrences come before `at` (from DTSTART on): what a COUNT has used up by then. */
export function occurrencesBefore(rule: RRuleTemporal, at: number): number {
  return guarded(() => {
    let seen = 0;
    rule.all((date) => {
      if (date.epochMilliseconds >= at) return false;
      seen += 1;
      return true;
    });
    return seen;
  });
}
