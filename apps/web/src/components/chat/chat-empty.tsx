import { ChatIcon } from "@/components/ui/icons";

const EXAMPLES = ["add buy milk tomorrow #groceries", "what's pending?", "mark task 1 as done"];

/** What a new chat shows: what the assistant can do, with examples to send in one click. */
export function ChatEmpty({ onExample }: { onExample: (text: string) => void }) {
  return (
    <div
      className="flex h-full flex-col items-center justify-center gap-3 py-6 text-center"
      data-testid="chat-empty"
    >
      <span className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-600">
        <ChatIcon width={22} height={22} />
      </span>
      <div>
        <p className="font-medium">Tell me what to do</p>
        <p className="mt-1 text-sm text-slate-500">I can add, find, update, complete and delete tasks.</p>
      </div>
      <div className="flex w-full flex-col gap-2 pt-1">
        {EXAMPLES.map((example) => (
          <button
            key={example}
            type="button"
            className="rounded-xl border border-slate-200 bg-white px-3 py-2 text-left text-sm text-slate-700 shadow-xs transition-colors hover:border-brand-200 hover:bg-brand-50"
            onClick={() => onExample(example)}
            data-testid="chat-example"
          >
            “{example}”
          </button>
        ))}
      </div>
    </div>
  );
}
