import type { TaskPriority } from "@taskflow/contracts";
import { CalendarIcon } from "@/components/ui/icons";
import { describeDue } from "@/lib/dates";
import { describeRemind } from "@/lib/reminders";
import { useTimeZone } from "@/lib/use-me";
import { BellIcon, RepeatIcon } from "./board-icons";
import { PRIORITY_LABEL } from "./priority-label";

const PRIORITY_STYLE: Record<TaskPriority, string> = {
  none: "bg-slate-100 text-slate-600 ring-slate-200",
  low: "bg-sky-50 text-sky-700 ring-sky-200",
  medium: "bg-amber-50 text-amber-800 ring-amber-200",
  high: "bg-rose-50 text-rose-700 ring-rose-200",
};

const DOT: Record<TaskPriority, string> = {
  none: "bg-slate-400",
  low: "bg-sky-500",
  medium: "bg-amber-500",
  high: "bg-rose-500",
};

export function PriorityChip({ priority }: { priority: TaskPriority }) {
  return (
    <span
      data-testid="priority-chip"
      data-priority={priority}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${PRIORITY_STYLE[priority]}`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${DOT[priority]}`} />
      {PRIORITY_LABEL[priority]}
      <span className="sr-only"> priority</span>
    </span>
  );
}

export function TagChip({
  tag,
  onSelect,
  active,
}: {
  tag: string;
  onSelect?: (tag: string) => void;
  active?: boolean;
}) {
  const className = `inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset transition-colors ${
    active
      ? "bg-accent text-on-accent ring-accent"
      : "bg-brand-50 text-brand-700 ring-brand-200 hover:bg-brand-100"
  }`;
  if (!onSelect) {
    return (
      <span data-testid="tag-chip" className={className}>
        #{tag}
      </span>
    );
  }
  return (
    <button
      type="button"
      data-testid="tag-chip"
      className={className}
      onClick={() => onSelect(tag)}
      aria-pressed={active}
      title={active ? `Showing only #${tag}` : `Show only #${tag}`}
    >
      #{tag}
    </button>
  );
}

export function DueChip({ dueAt, completed }: { dueAt: string; completed: boolean }) {
  const due = describeDue(dueAt, useTimeZone());
  const overdue = due.overdue && !completed;
  const tone = overdue
    ? "bg-red-50 text-red-700 ring-red-300 font-semibold"
    : due.soon && !completed
      ? "bg-emerald-50 text-emerald-700 ring-emerald-200"
      : "bg-slate-50 text-slate-600 ring-slate-200";
  return (
    <span
      data-testid="due-chip"
      data-due={due.key}
      data-time={due.time ?? undefined}
      data-overdue={overdue ? "true" : "false"}
      title={`Due ${due.long}${overdue ? " — overdue" : ""}`}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}
    >
      <CalendarIcon width={13} height={13} />
      {overdue ? `Overdue · ${due.label}` : due.label}
    </span>
  );
}

/** The repeat mark: an icon, with the rule in words for screen readers and as a tooltip. */
export function RepeatChip({ text }: { text: string }) {
  return (
    <span
      data-testid="repeat-chip"
      title={`Repeats ${text}`}
      className="inline-flex items-center gap-1 rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-700 ring-1 ring-violet-200 ring-inset"
    >
      <RepeatIcon width={12} height={12} />
      <span className="max-w-40 truncate">{text}</span>
      <span className="sr-only">(repeats)</span>
    </span>
  );
}

/** The reminder mark: a bell; when, in the user's zone, for screen readers and as a tooltip. */
export function RemindChip({ remindAt }: { remindAt: string }) {
  const when = describeRemind(remindAt, useTimeZone());
  return (
    <span
      data-testid="remind-chip"
      data-remind-at={remindAt}
      title={`Reminder ${when}`}
      className="inline-flex items-center rounded-full bg-amber-50 px-1.5 py-0.5 text-amber-700 ring-1 ring-amber-200 ring-inset"
    >
      <BellIcon width={12} height={12} />
      <span className="sr-only">Reminder {when}</span>
    </span>
  );
}
