import { parseRecurrenceRule, type RecurrenceParts } from "@taskflow/contracts/recurrence";
import { invalid } from "../errors";

/** A task's rule checked by the contracts' grammar: canonical string and parts, else a 400 on `recurrence`. */
export function parseRecurrence(
  rule: string,
  field = "recurrence",
): { rule: string; parts: RecurrenceParts } {
  const parsed = parseRecurrenceRule(rule);
  if (!parsed.ok) throw invalid(field, parsed.message);
  return { rule: parsed.rule, parts: parsed.parts };
}
