/**
 * A task's number as the assistant names it ("title (#12)"). Seen as "#12"; a screen reader hears
 * "task 12" once, not "number sign twelve" followed by a spelled-out copy.
 */
export function TaskNumber({ id, className = "" }: { id: number; className?: string }) {
  return (
    <span
      data-testid="task-number"
      className={`text-xs font-normal text-slate-500 tabular-nums ${className}`}
    >
      <span aria-hidden="true">#{id}</span>
      <span className="sr-only">task {id}</span>
    </span>
  );
}
