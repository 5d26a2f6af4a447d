import { EmptyState } from "@/components/ui/empty-state";
import { ChatIcon } from "@/components/ui/icons";

const EXAMPLES = ["add buy milk tomorrow #groceries", "what's pending?", "mark task 1 as done"];

/** What a new chat shows: what the assistant can do, with examples to send in one click. */
export function ChatEmpty({ onExample }: { onExample: (text: string) => void }) {
  return (
    <EmptyState
      variant="panel"
      testId="chat-empty"
      icon={<ChatIcon width={22} height={22} />}
      title="Tell me what to do"
      description="I can add, find, update, complete and delete tasks."
    >
      <div className="flex w-full flex-col gap-2 pt-1">
        {EXAMPLES.map((example) => (
          <button
            key={example}
            type="button"
            className="rounded-xl border border-slate-200 bg-surface px-3 py-2 text-left text-sm text-slate-700 shadow-xs transition-colors hover:border-brand-200 hover:bg-brand-50"
            onClick={() => onExample(example)}
            data-testid="chat-example"
          >
            “{example}”
          </button>
        ))}
      </div>
    </EmptyState>
  );
}
