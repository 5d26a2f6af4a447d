import { parseRecurrenceRule } from "@taskflow/contracts/recurrence";
import { invalid } from "../errors";
import { parseRecurrencePhrase } from "./parse-recurrence-phrase";

const EXAMPLES = `"every weekday", "every 2 weeks on friday", "on the 1st of every month"`;

/**
 * What MCP tools and chat accept as `recurrence`: an RRULE (`FREQ=WEEKLY;BYDAY=MO`) or an English phrase
 * that is all repeat ("every weekday"), as the canonical RRULE; null clears it. Anything else is a 400
 * on the field, with the RRULE's own problem when it looks like one.
 */
export function resolveRecurrence(input: string | null, field = "recurrence"): string | null {
  if (input === null) return null;
  const rule = parseRecurrenceRule(input);
  if (rule.ok) return rule.rule;
  const text = input.trim().replace(/[.!]+$/, "");
  const phrase = parseRecurrencePhrase(text);
  if (phrase && phrase.start === 0 && phrase.end === text.length) return phrase.rule;
  if (/=|^\s*(?:rrule:|freq\b)/i.test(input)) throw invalid(field, rule.message);
  if (phrase) {
    throw invalid(
      field,
      `"${text.slice(0, 80)}" says more than a repeat: give only "${phrase.text}" here, and the date or time as the due`,
    );
  }
  throw invalid(
    field,
    `"${text.slice(0, 80)}" is not a repeat: give an RRULE such as FREQ=WEEKLY;BYDAY=MO or a phrase such as ${EXAMPLES}`,
  );
}
