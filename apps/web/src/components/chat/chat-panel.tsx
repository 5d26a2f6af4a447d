"use client";

import type { ChatResponse, Conversation, ConversationDetail, ToolCall } from "@taskflow/core/contracts";
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import {
  ChatIcon,
  HistoryIcon,
  PlusIcon,
  SendIcon,
  SparkIcon,
  TrashIcon,
  XIcon,
} from "@/components/ui/icons";
import { api, errorMessage, redirectToSignIn, toApiError } from "@/lib/api";
import { relativeTime } from "@/lib/dates";
import { readSse } from "@/lib/sse";
import { describeToolCall } from "@/lib/tool-chips";
import { ToolCallChip } from "./tool-call-chip";

type ChatMessage = {
  key: string;
  role: "user" | "assistant";
  content: string;
  toolCalls: ToolCall[];
  status: "streaming" | "done" | "error";
};

const EXAMPLES = ["add buy milk tomorrow #groceries", "what's pending?", "mark task 1 as done"];

let keySeq = 0;
const nextKey = () => `m${++keySeq}`;

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
  const abortRef = useRef<AbortController | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);

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
    if (box) box.scrollTop = box.scrollHeight;
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
    const fail = (detail: string) =>
      updateLast((last) => ({
        ...last,
        status: "error",
        content: last.content ? `${last.content}\n\n${detail}` : detail,
      }));
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { accept: "text/event-stream", "content-type": "application/json" },
        body: JSON.stringify(conversationId ? { conversation_id: conversationId, message } : { message }),
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (response.status === 401) {
        redirectToSignIn();
        return;
      }
      if (!response.ok) {
        fail((await toApiError(response)).message);
        return;
      }
      const type = response.headers.get("content-type") ?? "";
      if (!type.startsWith("text/event-stream") || !response.body) {
        // An api that answered with the plain JSON turn instead of a stream.
        const turn = (await response.json()) as ChatResponse;
        setConversationId(turn.conversation_id);
        changed = turn.tool_calls.some((call) => describeToolCall(call).changesTasks);
        updateLast((last) => ({
          ...last,
          content: turn.response,
          toolCalls: turn.tool_calls,
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
          const turn = data as unknown as ChatResponse;
          if (typeof turn.conversation_id === "number") setConversationId(turn.conversation_id);
          updateLast((last) => ({
            ...last,
            // The final response is authoritative; streamed deltas may have been partial.
            content: typeof turn.response === "string" && turn.response ? turn.response : last.content,
            toolCalls:
              Array.isArray(turn.tool_calls) && turn.tool_calls.length >= last.toolCalls.length
                ? turn.tool_calls
                : last.toolCalls,
            status: "done",
          }));
        } else if (event.event === "error") {
          finished = true;
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
        fail(
          errorMessage(error) === "Failed to fetch"
            ? "Could not reach Taskflow. Check your connection."
            : errorMessage(error),
        );
      }
    } finally {
      abortRef.current = null;
      setStreaming(false);
      if (changed) onTasksChanged();
      void loadConversations();
      inputRef.current?.focus();
    }
  }

  async function openConversation(id: number) {
    abortRef.current?.abort();
    setLoadingConversation(true);
    setView("chat");
    try {
      const detail = await api<ConversationDetail>(`/api/conversations/${id}`);
      setConversationId(detail.id);
      setMessages(
        detail.messages.map((message) => ({
          key: `db${message.id}`,
          role: message.role,
          content: message.content,
          toolCalls: message.tool_calls ?? [],
          status: "done",
        })),
      );
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
    setConversationId(null);
    setMessages([]);
    setView("chat");
    inputRef.current?.focus();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(input);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send(input);
    }
  }

  return (
    <section aria-label="Assistant" className="flex h-full min-h-0 flex-col" data-testid="chat-panel">
      <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-3">
        <span className="grid size-8 place-items-center rounded-lg bg-gradient-to-br from-brand-500 to-violet-500 text-white shadow-sm">
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
          className={`btn btn-ghost p-2 ${view === "history" ? "bg-slate-100 text-slate-900" : ""}`}
          onClick={() => {
            setView(view === "history" ? "chat" : "history");
            if (view !== "history") void loadConversations();
          }}
          aria-pressed={view === "history"}
          aria-label="Conversation history"
          title="Conversation history"
          data-testid="chat-history"
        >
          <HistoryIcon />
        </button>
        <button
          type="button"
          className="btn btn-ghost p-2"
          onClick={newChat}
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

      {view === "history" ? (
        <div className="min-h-0 flex-1 overflow-y-auto p-2" data-testid="conversation-list">
          <h3 className="px-2 pt-1 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Recent conversations
          </h3>
          {historyError && <p className="px-2 text-sm text-red-700">{historyError}</p>}
          {conversations === null && !historyError && <p className="px-2 text-sm text-slate-500">Loading…</p>}
          {conversations?.length === 0 && (
            <p className="px-2 text-sm text-slate-500">No conversations yet. Say hello!</p>
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
                  className={`min-w-0 flex-1 rounded-lg px-2 py-2 text-left ${conversation.id === conversationId ? "font-semibold text-brand-700" : ""}`}
                  onClick={() => void openConversation(conversation.id)}
                >
                  <span className="block truncate text-sm">
                    {conversation.title || "Untitled conversation"}
                  </span>
                  <span className="block text-xs text-slate-500">
                    {relativeTime(conversation.updated_at)}
                  </span>
                </button>
                <button
                  type="button"
                  className="btn btn-ghost p-2 opacity-70 group-hover:opacity-100 hover:text-red-700"
                  aria-label={`Delete conversation “${conversation.title}”`}
                  onClick={() => void deleteConversation(conversation.id)}
                  data-testid="conversation-delete"
                >
                  <TrashIcon width={16} height={16} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div
          ref={scrollRef}
          className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-4"
          data-testid="chat-messages"
          aria-live="polite"
        >
          {loadingConversation && <p className="text-center text-sm text-slate-500">Loading conversation…</p>}
          {!loadingConversation && messages.length === 0 && (
            <div
              className="flex h-full flex-col items-center justify-center gap-3 py-6 text-center"
              data-testid="chat-empty"
            >
              <span className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-600">
                <ChatIcon width={22} height={22} />
              </span>
              <div>
                <p className="font-medium">Tell me what to do</p>
                <p className="mt-1 text-sm text-slate-500">
                  I can add, find, update, complete and delete tasks.
                </p>
              </div>
              <div className="flex w-full flex-col gap-2 pt-1">
                {EXAMPLES.map((example) => (
                  <button
                    key={example}
                    type="button"
                    className="rounded-xl border border-slate-200 bg-white px-3 py-2 text-left text-sm text-slate-700 shadow-xs transition-colors hover:border-brand-200 hover:bg-brand-50"
                    onClick={() => void send(example)}
                    data-testid="chat-example"
                  >
                    “{example}”
                  </button>
                ))}
              </div>
            </div>
          )}
          {messages.map((message) => (
            <MessageBubble key={message.key} message={message} />
          ))}
        </div>
      )}

      <form onSubmit={onSubmit} className="border-t border-slate-200 p-3">
        <div className="flex items-end gap-2 rounded-xl border border-slate-300 bg-white p-1.5 shadow-xs focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-200">
          <label htmlFor="chat-input" className="sr-only">
            Message the assistant
          </label>
          <textarea
            ref={inputRef}
            id="chat-input"
            data-testid="chat-input"
            rows={1}
            maxLength={4000}
            className="max-h-32 min-h-9 flex-1 resize-none border-0 bg-transparent px-2 py-1.5 text-sm placeholder:text-slate-400 focus:ring-0 focus:outline-none"
            placeholder="Ask or tell the assistant…"
            value={input}
            onChange={(event) => setInput(event.target.value)}
            onKeyDown={onKeyDown}
          />
          {streaming ? (
            <button
              type="button"
              className="btn btn-secondary px-3"
              onClick={() => abortRef.current?.abort()}
              data-testid="chat-stop"
            >
              Stop
            </button>
          ) : (
            <button
              type="submit"
              className="btn btn-primary px-3"
              disabled={!input.trim()}
              aria-label="Send"
              data-testid="chat-send"
            >
              <SendIcon />
            </button>
          )}
        </div>
        <p className="mt-1.5 px-1 text-[0.7rem] text-slate-400">Enter to send · Shift+Enter for a new line</p>
      </form>
    </section>
  );
}

function MessageBubble({ message }: { message: ChatMessage }) {
  if (message.role === "user") {
    return (
      <div className="flex justify-end" data-testid="chat-message" data-role="user">
        <p className="max-w-[85%] rounded-2xl rounded-br-md bg-brand-600 px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-white">
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

function safeJson(data: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
