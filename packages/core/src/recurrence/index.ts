export { dayInZone } from "@taskflow/contracts/zoned-time";
export { describeRecurrence } from "./describe-recurrence";
export { type FirstOccurrence, type FirstOccurrenceInput, firstOccurrence } from "./first-occurrence";
export { type NextOccurrence, type NextOccurrenceInput, nextOccurrence } from "./next-occurrence";
export { parseRecurrence } from "./parse-recurrence";
export { parseRecurrencePhrase, type RecurrencePhrase } from "./parse-recurrence-phrase";
export { resolveRecurrence } from "./resolve-recurrence";
