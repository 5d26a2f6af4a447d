import { ListIcon } from "@/components/ui/icons";

/** The task's list, on its row while the board shows more than one list. */
export function ListChip({ name }: { name: string }) {
  return (
    <span
      data-testid="list-chip"
      title={`In the list “${name}”`}
      className="inline-flex max-w-40 items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200 ring-inset"
    >
      <ListIcon width={12} height={12} aria-hidden="true" />
      <span className="sr-only">List: </span>
      <span dir="auto" className="truncate">
        {name}
      </span>
    </span>
  );
}
