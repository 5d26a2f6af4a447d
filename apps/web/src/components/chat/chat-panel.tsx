"use client";

import type { AssistantMode, ConversationDetail } from "@taskflow/contracts";
import { useRef, useState } from "react";
import { api, errorMessage } from "@/lib/api";
import { ChatComposer } from "./chat-composer";
import { ChatHeader } from "./chat-header";
import { ChatTranscript, type Earlier } from "./chat-transcript";
import { ConversationList } from "./conversation-list";
import type { ChatMessage } from "./message-bubble";
import { nextKey } from "./message-key";
import { useChatTurn } from "./use-chat-turn";
import { useConversationHistory } from "./use-conversation-history";

type StoredMessage = ConversationDetail["messages"][number];
const fromStored = (message: StoredMessage): ChatMessage => ({
  key: `db${message.id}`,
  role: message.role,
  content: message.content,
  toolCalls: message.tool_calls ?? [],
  status: "done",
});

type Props = {
  assistantMode: AssistantMode | null;
  onTasksChanged: () => void;
  onClose?: () => void;
};

export function ChatPanel({ assistantMode, onTasksChanged, onClose }: Props) {
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [input, setInput] = useState("");
  const [view, setView] = useState<"chat" | "history">("chat");
  const [loadingConversation, setLoadingConversation] = useState(false);
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // Set while older messages are prepended, so the view stays on what the user was reading.
  const keepScroll = useRef<{ top: number; height: number } | null>(null);
  const openId = useRef<number | null>(null);
  openId.current = conversationId;

  const { conversations, historyError, loadConversations, deleteConversation } = useConversationHistory();
  const { streaming, send, stop, reset } = useChatTurn({
    conversationId,
    setConversationId,
    setMessages,
    setInput,
    onStart: () => setView("chat"),
    onTasksChanged,
    onFinish: () => {
      loadConversations();
      inputRef.current?.focus();
    },
  });

  async function openConversation(id: number) {
    reset();
    setLoadingConversation(true);
    setEarlier(null);
    setView("chat");
    try {
      const detail = await api<ConversationDetail>(`/api/conversations/${id}`);
      setConversationId(detail.id);
      setMessages(detail.messages.map(fromStored));
      setEarlier(detail.next_before ? { before: detail.next_before, loading: false, error: null } : null);
    } catch (error) {
      setMessages([
        {
          key: nextKey(),
          role: "assistant",
          content: `Could not open that conversation: ${errorMessage(error)}`,
          toolCalls: [],
          status: "error",
        },
      ]);
    } finally {
      setLoadingConversation(false);
    }
  }

  async function loadEarlier() {
    const id = conversationId;
    if (!id || !earlier || earlier.loading) return;
    setEarlier({ ...earlier, loading: true, error: null });
    try {
      const page = await api<ConversationDetail>(`/api/conversations/${id}?before=${earlier.before}`);
      if (openId.current !== id) return;
      const box = scrollRef.current;
      if (box) keepScroll.current = { top: box.scrollTop, height: box.scrollHeight };
      setMessages((current) => [...page.messages.map(fromStored), ...current]);
      setEarlier(page.next_before ? { before: page.next_before, loading: false, error: null } : null);
    } catch (error) {
      if (openId.current === id) setEarlier({ ...earlier, loading: false, error: errorMessage(error) });
    }
  }

  function newChat() {
    reset();
    setConversationId(null);
    setMessages([]);
    setEarlier(null);
    setView("chat");
    inputRef.current?.focus();
  }

  return (
    <section aria-label="Assistant" className="flex h-full min-h-0 flex-col" data-testid="chat-panel">
      <ChatHeader
        assistantMode={assistantMode}
        historyOpen={view === "history"}
        onToggleHistory={() => {
          setView(view === "history" ? "chat" : "history");
          if (view !== "history") loadConversations();
        }}
        onNewChat={newChat}
        onClose={onClose}
      />

      {view === "history" ? (
        <ConversationList
          conversations={conversations}
          error={historyError}
          activeId={conversationId}
          onOpen={(id) => void openConversation(id)}
          onDelete={(id) =>
            void deleteConversation(id, () => {
              if (conversationId === id) newChat();
            })
          }
          onRetry={loadConversations}
        />
      ) : (
        <ChatTranscript
          messages={messages}
          loading={loadingConversation}
          earlier={earlier}
          onLoadEarlier={() => void loadEarlier()}
          onExample={(text) => void send(text)}
          keepScroll={keepScroll}
          scrollRef={scrollRef}
        />
      )}

      <ChatComposer
        input={input}
        onInput={setInput}
        onSend={(text) => void send(text)}
        streaming={streaming}
        onStop={stop}
        inputRef={inputRef}
      />
    </section>
  );
}
