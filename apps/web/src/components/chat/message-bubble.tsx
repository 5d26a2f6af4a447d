import type { MessageRole, ToolCall } from "@taskflow/contracts";
import { ToolCallChip } from "./tool-call-chip";

export type ChatMessage = {
  key: string;
  role: MessageRole;
  content: string;
  toolCalls: ToolCall[];
  status: "streaming" | "done" | "error";
};

export function MessageBubble({ message }: { message: ChatMessage }) {
  if (message.role === "user") {
    return (
      <div className="flex justify-end" data-testid="chat-message" data-role="user">
        <p
          dir="auto"
          className="max-w-[85%] rounded-2xl rounded-br-md bg-accent px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-on-accent"
        >
          {message.content}
        </p>
      </div>
    );
  }
  const thinking = message.status === "streaming" && !message.content && message.toolCalls.length === 0;
  return (
    <div
      className="flex flex-col items-start gap-1.5"
      data-testid="chat-message"
      data-role="assistant"
      data-status={message.status}
    >
      {message.toolCalls.length > 0 && (
        <div className="flex flex-wrap gap-1.5">
          {message.toolCalls.map((call, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tool calls have no id and never reorder.
            <ToolCallChip key={index} call={call} />
          ))}
        </div>
      )}
      {thinking && (
        <p className="flex items-center gap-1 rounded-2xl rounded-bl-md bg-slate-100 px-3.5 py-3">
          <span className="sr-only">Assistant is thinking…</span>
          {[0, 1, 2].map((dot) => (
            <span
              key={dot}
              className="size-1.5 animate-bounce rounded-full bg-slate-400"
              style={{ animationDelay: `${dot * 120}ms` }}
            />
          ))}
        </p>
      )}
      {message.content && (
        <p
          dir="auto"
          className={`max-w-[92%] rounded-2xl rounded-bl-md px-3.5 py-2 text-sm break-words whitespace-pre-wrap ${
            message.status === "error"
              ? "border border-red-200 bg-red-50 text-red-800"
              : "bg-slate-100 text-slate-800"
          }`}
          data-testid="assistant-text"
        >
          {message.content}
        </p>
      )}
    </div>
  );
}
