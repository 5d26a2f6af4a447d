import type { ToolCall } from "@taskflow/contracts";
import { AlertIcon, CheckIcon, ListIcon, PencilIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { describeToolCall, type ToolChip } from "@/lib/tool-chips";
import { useTimeZone } from "@/lib/use-me";

const TONE: Record<ToolChip["tone"], string> = {
  add: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  done: "bg-brand-50 text-brand-700 ring-brand-200",
  delete: "bg-slate-100 text-slate-700 ring-slate-300",
  update: "bg-amber-50 text-amber-800 ring-amber-200",
  list: "bg-sky-50 text-sky-800 ring-sky-200",
  error: "bg-red-50 text-red-800 ring-red-200",
};

const ICON: Record<ToolChip["tone"], typeof PlusIcon> = {
  add: PlusIcon,
  done: CheckIcon,
  delete: TrashIcon,
  update: PencilIcon,
  list: ListIcon,
  error: AlertIcon,
};

export function ToolCallChip({ call }: { call: ToolCall }) {
  const chip = describeToolCall(call, useTimeZone());
  const Icon = ICON[chip.tone];
  return (
    <span
      data-testid="tool-chip"
      data-tool={call.tool}
      className={`inline-flex max-w-full animate-rise items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset ${TONE[chip.tone]}`}
    >
      <Icon width={13} height={13} className="shrink-0" />
      <span className="truncate">{chip.label}</span>
    </span>
  );
}
