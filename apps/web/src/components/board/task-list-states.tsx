import { EmptyState } from "@/components/ui/empty-state";
import { ListIcon } from "@/components/ui/icons";
import type { View } from "@/lib/task-views";
import { useListHeading } from "../lists/lists-context";

/** Placeholder rows for the first load. */
export function TaskListSkeleton() {
  return (
    <ul className="space-y-2" data-testid="board-loading" aria-label="Loading tasks">
      {[0, 1, 2, 3].map((row) => (
        <li
          key={row}
          className="flex animate-shimmer items-start gap-3 rounded-xl border border-slate-200 bg-surface px-4 py-3.5"
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

/** Why the list is empty: an empty trash, filters that match nothing, a clear day, or no tasks at all. */
export function TaskListEmpty({
  view,
  inTrash,
  filtered,
  onClear,
}: {
  view: View;
  inTrash: boolean;
  filtered: boolean;
  onClear: () => void;
}) {
  const icon = <ListIcon width={22} height={22} />;
  const list = useListHeading();
  if (inTrash)
    return (
      <EmptyState
        testId="board-empty"
        icon={icon}
        title="The trash is empty"
        description="Deleted tasks stay here for 30 days, then they are removed for good."
      />
    );
  if (filtered)
    return (
      <EmptyState testId="board-empty" icon={icon} title="No tasks match these filters">
        <button type="button" className="btn btn-ghost text-brand-700" onClick={onClear}>
          Clear filters
        </button>
      </EmptyState>
    );
  if (view !== "all")
    return (
      <EmptyState
        testId="board-empty"
        icon={icon}
        title={view === "today" ? "Nothing due today" : "Nothing due in the next 7 days"}
        description="Give a task a due date and it shows up here."
      />
    );
  if (list)
    return (
      <EmptyState
        testId="board-empty"
        icon={icon}
        title={list === "Inbox" ? "The Inbox is empty" : `Nothing in ${list} yet`}
        description={
          list === "Inbox"
            ? "Tasks in no list land here."
            : "A task added above goes in this list; drag one here or pick this list in its editor."
        }
      />
    );
  return (
    <EmptyState
      testId="board-empty"
      icon={icon}
      title="Nothing on your list yet"
      description={
        <>
          Add your first task above, or ask the assistant: <q>add buy milk tomorrow #groceries</q>.
        </>
      }
    />
  );
}
