"use client";

import type { ChatResponse, Conversation, ConversationDetail, ToolCall } from "@taskflow/core/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, errorMessage, redirectToSignIn, toApiError } from "@/lib/api";
import { readSse } from "@/lib/sse";
import { describeToolCall } from "@/lib/tool-chips";
import { ChatComposer } from "./chat-composer";
import { ChatEmpty } from "./chat-empty";
import { ChatHeader } from "./chat-header";
import { ConversationList } from "./conversation-list";
import { type ChatMessage, MessageBubble } from "./message-bubble";
import { type PendingTurn, settledByProblem, turnFor } from "./turn-id";

let keySeq = 0;
const nextKey = () => `m${++keySeq}`;

type StoredMessage = ConversationDetail["messages"][number];
const fromStored = (message: StoredMessage): ChatMessage => ({
  key: `db${message.id}`,
  role: message.role,
  content: message.content,
  toolCalls: message.tool_calls ?? [],
  status: "done",
});

/** Older messages of the open conversation, when there are some (`before` is the api's cursor). */
type Earlier = { before: number; loading: boolean; error: string | null };

type Props = {
  assistantMode: "offline" | "llm" | null;
  onTasksChanged: () => void;
  onClose?: () => void;
};

export function ChatPanel({ assistantMode, onTasksChanged, onClose }: Props) {
  const [conversationId, setConversationId] = useState<number | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [input, setInput] = useState("");
  const [streaming, setStreaming] = useState(false);
  const [view, setView] = useState<"chat" | "history">("chat");
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [loadingConversation, setLoadingConversation] = useState(false);
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // The last turn whose outcome is unknown: sending the same message again reuses its id.
  const pendingTurn = useRef<PendingTurn | null>(null);
  // Set while older messages are prepended, so the view stays on what the user was reading.
  const keepScroll = useRef<{ top: number; height: number } | null>(null);
  const openId = useRef<number | null>(null);
  openId.current = conversationId;

  const loadConversations = useCallback(async () => {
    setHistoryError(null);
    try {
      const list = await api<{ items: Conversation[] }>("/api/conversations");
      setConversations(list.items);
    } catch (error) {
      setHistoryError(errorMessage(error));
    }
  }, []);

  useEffect(() => {
    void loadConversations();
  }, [loadConversations]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the transcript changes.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const kept = keepScroll.current;
    keepScroll.current = null;
    box.scrollTop = kept ? kept.top + box.scrollHeight - kept.height : box.scrollHeight;
  }, [messages]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const updateLast = useCallback((update: (message: ChatMessage) => ChatMessage) => {
    setMessages((current) => {
      const last = current.at(-1);
      if (last?.role !== "assistant") return current;
      return [...current.slice(0, -1), update(last)];
    });
  }, []);

  async function send(text: string) {
    const message = text.trim();
    if (!message || streaming) return;
    setView("chat");
    setInput("");
    setStreaming(true);
    setMessages((current) => [
      ...current,
      { key: nextKey(), role: "user", content: message, toolCalls: [], status: "done" },
      { key: nextKey(), role: "assistant", content: "", toolCalls: [], status: "streaming" },
    ]);
    const controller = new AbortController();
    abortRef.current = controller;
    let changed = false;
    const turn = turnFor(pendingTurn.current, message);
    pendingTurn.current = turn;
    // True once the api has answered for this turn (its reply or a failure it stored).
    let settled = false;
    const fail = (detail: string) => {
      updateLast((last) => ({
        ...last,
        status: "error",
        content: last.content ? `${last.content}\n\n${detail}` : detail,
      }));
      // What was typed goes back in the box (unless something new was typed since), to send again.
      setInput((current) => current || message);
    };
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { accept: "text/event-stream", "content-type": "application/json" },
        body: JSON.stringify({
          ...(conversationId ? { conversation_id: conversationId } : {}),
          message,
          client_turn_id: turn.turnId,
        }),
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (response.status === 401) {
        redirectToSignIn();
        return;
      }
      if (!response.ok) {
        const problem: unknown = await response
          .clone()
          .json()
          .catch(() => null);
        if (settledByProblem(problem)) {
          settled = true;
          // The failed turn is stored in that conversation: the next message continues it.
          setConversationId((problem as { conversation_id: number }).conversation_id);
        }
        fail(
          response.status === 409
            ? "Your message is still being worked on. Send it again in a moment to see the answer."
            : (await toApiError(response)).message,
        );
        return;
      }
      const type = response.headers.get("content-type") ?? "";
      if (!type.startsWith("text/event-stream") || !response.body) {
        // An api that answered with the plain JSON turn instead of a stream.
        const reply = (await response.json()) as ChatResponse;
        settled = true;
        setConversationId(reply.conversation_id);
        changed = reply.tool_calls.some((call) => describeToolCall(call).changesTasks);
        updateLast((last) => ({
          ...last,
          content: reply.response,
          toolCalls: reply.tool_calls,
          status: "done",
        }));
        return;
      }
      let finished = false;
      for await (const event of readSse(response.body, controller.signal)) {
        const data = safeJson(event.data);
        if (event.event === "start" && typeof data.conversation_id === "number") {
          setConversationId(data.conversation_id);
        } else if (event.event === "text" && typeof data.delta === "string") {
          const delta = data.delta;
          updateLast((last) => ({ ...last, content: last.content + delta }));
        } else if (event.event === "tool_call") {
          const call = data as unknown as ToolCall;
          updateLast((last) => ({ ...last, toolCalls: [...last.toolCalls, call] }));
          if (describeToolCall(call).changesTasks) {
            changed = true;
            // Refresh now, so the board catches up while the assistant is still talking.
            onTasksChanged();
          }
        } else if (event.event === "done") {
          finished = true;
          settled = true;
          const reply = data as unknown as ChatResponse;
          if (typeof reply.conversation_id === "number") setConversationId(reply.conversation_id);
          // A turn replayed from the database streams no tool_call events: its result still counts.
          if (Array.isArray(reply.tool_calls))
            changed ||= reply.tool_calls.some((call) => describeToolCall(call).changesTasks);
          updateLast((last) => ({
            ...last,
            // The final response is authoritative; streamed deltas may have been partial.
            content: typeof reply.response === "string" && reply.response ? reply.response : last.content,
            toolCalls:
              Array.isArray(reply.tool_calls) && reply.tool_calls.length >= last.toolCalls.length
                ? reply.tool_calls
                : last.toolCalls,
            status: "done",
          }));
        } else if (event.event === "error") {
          finished = true;
          settled = true;
          fail(
            typeof data.detail === "string" ? data.detail : "The assistant ran into a problem. Try again.",
          );
        }
      }
      if (!finished) fail("The reply was cut off. Try again.");
    } catch (error) {
      if (controller.signal.aborted) {
        updateLast((last) => ({ ...last, status: "done", content: last.content || "Stopped." }));
      } else {
        // fetch reports a lost connection as a TypeError ("Failed to fetch", "network error"…).
        fail(
          error instanceof TypeError
            ? "Could not reach Taskflow. Check your connection and try again."
            : errorMessage(error),
        );
      }
    } finally {
      if (settled && pendingTurn.current === turn) pendingTurn.current = null;
      abortRef.current = null;
      setStreaming(false);
      // A turn that failed without an answer may still have changed tasks: look again.
      if (changed || !settled) onTasksChanged();
      void loadConversations();
      inputRef.current?.focus();
    }
  }

  async function openConversation(id: number) {
    abortRef.current?.abort();
    pendingTurn.current = null;
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

  async function deleteConversation(id: number) {
    const previous = conversations;
    setConversations((current) => current?.filter((item) => item.id !== id) ?? null);
    try {
      await api(`/api/conversations/${id}`, { method: "DELETE" });
      if (conversationId === id) newChat();
    } catch (error) {
      setConversations(previous);
      setHistoryError(errorMessage(error));
    }
  }

  function newChat() {
    abortRef.current?.abort();
    pendingTurn.current = null;
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
          if (view !== "history") void loadConversations();
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
          onDelete={(id) => void deleteConversation(id)}
        />
      ) : (
        <div
          ref={scrollRef}
          className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-4"
          data-testid="chat-messages"
          aria-live="polite"
        >
          {loadingConversation && <p className="text-center text-sm text-slate-500">Loading conversation…</p>}
          {!loadingConversation && messages.length === 0 && (
            <ChatEmpty onExample={(text) => void send(text)} />
          )}
          {earlier && (
            <div className="text-center">
              <button
                type="button"
                className="btn btn-secondary px-3 py-1 text-xs"
                onClick={() => void loadEarlier()}
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
      )}

      <ChatComposer
        input={input}
        onInput={setInput}
        onSend={(text) => void send(text)}
        streaming={streaming}
        onStop={() => abortRef.current?.abort()}
        inputRef={inputRef}
      />
    </section>
  );
}

function safeJson(data: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
