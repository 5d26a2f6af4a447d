import { AlertIcon, ListIcon } from "@/components/ui/icons";

/** Placeholder rows for the first load. */
export function TaskListSkeleton() {
  return (
    <ul className="space-y-2" data-testid="board-loading" aria-label="Loading tasks">
      {[0, 1, 2, 3].map((row) => (
        <li
          key={row}
          className="flex animate-shimmer items-start gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3.5"
        >
          <span className="size-5 rounded-full bg-slate-200" />
          <span className="flex-1 space-y-2">
            <span className="block h-3.5 rounded bg-slate-200" style={{ width: `${70 - row * 12}%` }} />
            <span className="block h-3 w-1/3 rounded bg-slate-100" />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function TaskListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="card flex flex-col items-center gap-3 px-6 py-10 text-center"
      data-testid="board-error"
    >
      <span className="grid size-11 place-items-center rounded-full bg-red-50 text-red-600">
        <AlertIcon />
      </span>
      <div>
        <p className="font-medium">Couldn’t load your tasks</p>
        <p className="mt-1 text-sm text-slate-600">{message}</p>
      </div>
      <button type="button" className="btn btn-secondary" onClick={onRetry} data-testid="board-retry">
        Try again
      </button>
    </div>
  );
}

/** Why the list is empty: an empty trash, filters that match nothing, or no tasks at all. */
export function TaskListEmpty({
  inTrash,
  filtered,
  onClear,
}: {
  inTrash: boolean;
  filtered: boolean;
  onClear: () => void;
}) {
  return (
    <div
      className="card flex flex-col items-center gap-2 border-dashed px-6 py-12 text-center"
      data-testid="board-empty"
    >
      <span className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-600">
        <ListIcon width={22} height={22} />
      </span>
      {inTrash ? (
        <>
          <p className="font-medium">The trash is empty</p>
          <p className="max-w-xs text-sm text-slate-600">
            Deleted tasks stay here for 30 days, then they are removed for good.
          </p>
        </>
      ) : filtered ? (
        <>
          <p className="font-medium">No tasks match these filters</p>
          <button type="button" className="btn btn-ghost text-brand-700" onClick={onClear}>
            Clear filters
          </button>
        </>
      ) : (
        <>
          <p className="font-medium">Nothing on your list yet</p>
          <p className="max-w-xs text-sm text-slate-600">
            Add your first task above, or ask the assistant: <q>add buy milk tomorrow #groceries</q>.
          </p>
        </>
      )}
    </div>
  );
}
