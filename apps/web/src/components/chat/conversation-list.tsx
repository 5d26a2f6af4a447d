import type { Conversation } from "@taskflow/contracts";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { TrashIcon } from "@/components/ui/icons";
import { relativeTime } from "@/lib/dates";
import { useTimeZone } from "@/lib/use-me";

type Props = {
  conversations: Conversation[] | null;
  error: string | null;
  activeId: number | null;
  onOpen: (id: number) => void;
  onDelete: (id: number) => void;
  /** Loads the list again after it failed to load. */
  onRetry: () => void;
};

/** The history view: recent conversations to reopen or delete. */
export function ConversationList({ conversations, error, activeId, onOpen, onDelete, onRetry }: Props) {
  const timeZone = useTimeZone();
  return (
    <div className="min-h-0 flex-1 overflow-y-auto p-2" data-testid="conversation-list">
      <h3 className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Recent conversations
      </h3>
      {error && <ErrorState variant="inline" message={error} onRetry={onRetry} testId="conversation-error" />}
      {conversations === null && !error && <p className="px-2 text-sm text-slate-500">Loading…</p>}
      {conversations?.length === 0 && (
        <EmptyState variant="inline" testId="conversation-empty" title="No conversations yet. Say hello!" />
      )}
      <ul className="space-y-0.5">
        {conversations?.map((conversation) => (
          <li
            key={conversation.id}
            className="group flex items-center gap-1 rounded-lg hover:bg-slate-100"
            data-testid="conversation-item"
          >
            <button
              type="button"
              className={`min-w-0 flex-1 rounded-lg px-2 py-2 text-left ${conversation.id === activeId ? "font-semibold text-brand-700" : ""}`}
              onClick={() => onOpen(conversation.id)}
            >
              <span className="block truncate text-sm">{conversation.title || "Untitled conversation"}</span>
              <span className="block text-xs text-slate-500">
                {relativeTime(conversation.updated_at, new Date(), timeZone)}
              </span>
            </button>
            <button
              type="button"
              className="btn btn-ghost p-2 opacity-70 group-hover:opacity-100 hover:text-red-700"
              aria-label={`Delete conversation “${conversation.title}”`}
              onClick={() => onDelete(conversation.id)}
              data-testid="conversation-delete"
            >
              <TrashIcon width={16} height={16} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
