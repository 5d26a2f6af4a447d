// The phrase grammar lives in @taskflow/contracts/recurrence-phrase (pure TypeScript, so the offline
// agent and the browser can read phrases without the RRULE engine); core re-exports it from here.
export { parseRecurrencePhrase, type RecurrencePhrase } from "@taskflow/contracts/recurrence-phrase";
