"use client";

import { type ChatRequest, type ChatResponse, chatResponseSchema } from "@taskflow/contracts";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { errorMessage, redirectToSignIn, toApiError } from "@/lib/api";
import { readChatStream } from "@/lib/sse";
import { describeToolCall } from "@/lib/tool-chips";
import type { ChatMessage } from "./message-bubble";
import { nextKey } from "./message-key";
import { type PendingTurn, settledByProblem, turnFor } from "./turn-id";

type Options = {
  conversationId: number | null;
  setConversationId: (id: number) => void;
  setMessages: Dispatch<SetStateAction<ChatMessage[]>>;
  setInput: Dispatch<SetStateAction<string>>;
  /** A message is about to be sent. */
  onStart: () => void;
  onTasksChanged: () => void;
  /** The turn is over, however it ended. */
  onFinish: () => void;
};

/** Sending a message and streaming the reply into the transcript; a failed turn can be sent again. */
export function useChatTurn(options: Options) {
  const { conversationId, setConversationId, setMessages, setInput, onStart, onTasksChanged, onFinish } =
    options;
  const [streaming, setStreaming] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  // The last turn whose outcome is unknown: sending the same message again reuses its id.
  const pendingTurn = useRef<PendingTurn | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const updateLast = useCallback(
    (update: (message: ChatMessage) => ChatMessage) => {
      setMessages((current) => {
        const last = current.at(-1);
        if (last?.role !== "assistant") return current;
        return [...current.slice(0, -1), update(last)];
      });
    },
    [setMessages],
  );

  async function send(text: string) {
    const message = text.trim();
    if (!message || streaming) return;
    onStart();
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
    /** The whole turn as the api stored it, which wins over what was streamed (deltas may be partial). */
    const finish = (reply: ChatResponse) => {
      settled = true;
      setConversationId(reply.conversation_id);
      // A turn replayed from the database streams no tool_call events: its result still counts.
      changed ||= reply.tool_calls.some((call) => describeToolCall(call).changesTasks);
      updateLast((last) => ({
        ...last,
        content: reply.response || last.content,
        toolCalls: reply.tool_calls.length >= last.toolCalls.length ? reply.tool_calls : last.toolCalls,
        status: "done",
      }));
    };
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { accept: "text/event-stream", "content-type": "application/json" },
        body: JSON.stringify({
          ...(conversationId ? { conversation_id: conversationId } : {}),
          message,
          client_turn_id: turn.turnId,
        } satisfies ChatRequest),
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
          setConversationId(problem.conversation_id);
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
        const answer = chatResponseSchema.safeParse(await response.json());
        if (answer.success) finish(answer.data);
        else fail("The assistant's answer could not be read. Try again.");
        return;
      }
      let finished = false;
      for await (const event of readChatStream(response.body, controller.signal)) {
        switch (event.event) {
          case "start":
            setConversationId(event.data.conversation_id);
            break;
          case "text": {
            const { delta } = event.data;
            updateLast((last) => ({ ...last, content: last.content + delta }));
            break;
          }
          case "tool_call": {
            const call = event.data;
            updateLast((last) => ({ ...last, toolCalls: [...last.toolCalls, call] }));
            if (describeToolCall(call).changesTasks) {
              changed = true;
              // Refresh now, so the board catches up while the assistant is still talking.
              onTasksChanged();
            }
            break;
          }
          case "done":
            finished = true;
            finish(event.data);
            break;
          case "error":
            finished = true;
            settled = true;
            fail(event.data.detail);
            break;
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
      onFinish();
    }
  }

  /** Stops the reply being streamed, if any. */
  function stop() {
    abortRef.current?.abort();
  }

  /** Stops the reply and forgets the unfinished turn, for another conversation. */
  function reset() {
    abortRef.current?.abort();
    pendingTurn.current = null;
  }

  return { streaming, send, stop, reset };
}
