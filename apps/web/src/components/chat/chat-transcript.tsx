"use client";

import { type RefObject, useEffect } from "react";
import { ChatEmpty } from "./chat-empty";
import { type ChatMessage, MessageBubble } from "./message-bubble";

/** Older messages of the open conversation, when there are some (`before` is the api's cursor). */
export type Earlier = { before: number; loading: boolean; error: string | null };

type Props = {
  messages: ChatMessage[];
  loading: boolean;
  earlier: Earlier | null;
  onLoadEarlier: () => void;
  onExample: (text: string) => void;
  /** Set just before older messages are prepended, so the view stays on what the user was reading. */
  keepScroll: RefObject<{ top: number; height: number } | null>;
  scrollRef: RefObject<HTMLDivElement | null>;
};

/** The open conversation's messages, following the newest one as it streams in. */
export function ChatTranscript({
  messages,
  loading,
  earlier,
  onLoadEarlier,
  onExample,
  keepScroll,
  scrollRef,
}: Props) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the transcript changes.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const kept = keepScroll.current;
    keepScroll.current = null;
    box.scrollTop = kept ? kept.top + box.scrollHeight - kept.height : box.scrollHeight;
  }, [messages]);

  return (
    <div
      ref={scrollRef}
      className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-4"
      data-testid="chat-messages"
      aria-live="polite"
    >
      {loading && <p className="text-center text-sm text-slate-500">Loading conversation…</p>}
      {!loading && messages.length === 0 && <ChatEmpty onExample={onExample} />}
      {earlier && (
        <div className="text-center">
          <button
            type="button"
            className="btn btn-secondary px-3 py-1 text-xs"
            onClick={onLoadEarlier}
            disabled={earlier.loading}
            data-testid="chat-earlier"
          >
            {earlier.loading ? "Loading…" : "Show earlier messages"}
          </button>
          {earlier.error && <p className="mt-1 text-xs text-red-700">{earlier.error}</p>}
        </div>
      )}
      {messages.map((message) => (
        <MessageBubble key={message.key} message={message} />
      ))}
    </div>
  );
}
