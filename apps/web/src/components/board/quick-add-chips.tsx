"use client";

// What the api recognised in the add field, shown under it while typing.
import { parseRecurrencePhrase } from "@taskflow/contracts/recurrence-phrase";
import { CalendarIcon } from "@/components/ui/icons";
import { describeDue } from "@/lib/dates";
import { useTimeZone } from "@/lib/use-me";
import { BellIcon, RepeatIcon } from "./board-icons";
import { PRIORITY_LABEL } from "./priority-label";
import { hasMarks, type QuickParse } from "./quick-add";

const CHIP = "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

type Overrides = { priority: boolean; tags: boolean; due: boolean; repeat: boolean };

export function QuickAddChips({ parse, overrides }: { parse: QuickParse; overrides: Overrides }) {
  const timeZone = useTimeZone();
  if (parse.kind === "invalid") {
    return (
      <p className="px-1 text-sm text-amber-800" data-testid="quick-add-invalid" role="status">
        {parse.message}
      </p>
    );
  }
  if (!hasMarks(parse)) return null;
  const { title, priority, tags, due_at, recurrence, remind_at } = parse.result;
  // The repeat in the words that were typed ("every saturday"); the api sends the rule.
  const repeatWords = recurrence ? (parseRecurrencePhrase(parse.text)?.text ?? recurrence) : null;
  const struck = (off: boolean) => (off ? "line-through opacity-60" : "");
  const setInForm = <span className="sr-only"> (the form’s own field wins)</span>;
  return (
    <div className="flex flex-wrap items-center gap-1.5 px-1" data-testid="quick-add-chips">
      <span className="text-xs text-slate-500">
        Adds{" "}
        <span dir="auto" className="font-medium text-slate-700" data-testid="quick-title">
          {title}
        </span>
      </span>
      {due_at && (
        <span
          data-testid="quick-due"
          data-due={due_at}
          title={overrides.due ? "The due date set below wins" : undefined}
          className={`${CHIP} bg-emerald-50 text-emerald-700 ring-emerald-200 ${struck(overrides.due)}`}
        >
          <CalendarIcon width={13} height={13} />
          {describeDue(due_at, timeZone).label}
          {overrides.due && setInForm}
        </span>
      )}
      {repeatWords && (
        <span
          data-testid="quick-repeat"
          data-rule={recurrence}
          className={`${CHIP} bg-violet-50 text-violet-700 ring-violet-200 ${struck(overrides.repeat)}`}
        >
          <RepeatIcon width={12} height={12} />
          {repeatWords}
          {overrides.repeat && setInForm}
        </span>
      )}
      {remind_at && !overrides.due && (
        <span data-testid="quick-remind" className={`${CHIP} bg-amber-50 text-amber-700 ring-amber-200`}>
          <BellIcon width={12} height={12} />
          <span className="sr-only">Reminder </span>
          {describeDue(remind_at, timeZone).label}
        </span>
      )}
      {priority && (
        <span
          data-testid="quick-priority"
          data-priority={priority}
          className={`${CHIP} bg-rose-50 text-rose-700 ring-rose-200 ${struck(overrides.priority)}`}
        >
          {PRIORITY_LABEL[priority]}
          <span className="sr-only"> priority</span>
          {overrides.priority && setInForm}
        </span>
      )}
      {tags?.map((tag) => (
        <span
          key={tag}
          data-testid="quick-tag"
          className={`${CHIP} bg-brand-50 text-brand-700 ring-brand-200 ${struck(overrides.tags)}`}
        >
          #{tag}
          {overrides.tags && setInForm}
        </span>
      ))}
    </div>
  );
}
