import type { AssistantMode } from "@taskflow/contracts";
import { HistoryIcon, PlusIcon, SparkIcon, XIcon } from "@/components/ui/icons";

type Props = {
  assistantMode: AssistantMode | null;
  historyOpen: boolean;
  onToggleHistory: () => void;
  onNewChat: () => void;
  onClose?: (() => void) | undefined;
};

export function ChatHeader({ assistantMode, historyOpen, onToggleHistory, onNewChat, onClose }: Props) {
  return (
    <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-3">
      <span className="grid size-8 place-items-center rounded-lg bg-gradient-to-br from-accent to-violet-600 text-on-accent shadow-sm">
        <SparkIcon width={17} height={17} />
      </span>
      <div className="min-w-0 flex-1">
        <h2 className="text-sm leading-tight font-semibold">Assistant</h2>
        <p className="truncate text-xs text-slate-500" data-testid="assistant-mode">
          {assistantMode === "llm"
            ? "AI model"
            : assistantMode === "offline"
              ? "Built-in offline assistant"
              : "Manages your tasks for you"}
        </p>
      </div>
      <button
        type="button"
        className={`btn btn-ghost p-2 ${historyOpen ? "bg-slate-100 text-slate-900" : ""}`}
        onClick={onToggleHistory}
        aria-pressed={historyOpen}
        aria-label="Conversation history"
        title="Conversation history"
        data-testid="chat-history"
      >
        <HistoryIcon />
      </button>
      <button
        type="button"
        className="btn btn-ghost p-2"
        onClick={onNewChat}
        aria-label="New chat"
        title="New chat"
        data-testid="chat-new"
      >
        <PlusIcon />
      </button>
      {onClose && (
        <button
          type="button"
          className="btn btn-ghost p-2 lg:hidden"
          onClick={onClose}
          aria-label="Close assistant"
          data-testid="chat-close"
        >
          <XIcon />
        </button>
      )}
    </header>
  );
}
