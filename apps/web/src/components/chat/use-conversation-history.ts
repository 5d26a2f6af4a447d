"use client";

import type { Conversation } from "@taskflow/contracts";
import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "@/lib/api";

/** The user's past conversations, for the history view. */
export function useConversationHistory() {
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);

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

  /** Deletes optimistically; `onDeleted` runs once the api agreed. */
  async function deleteConversation(id: number, onDeleted: () => void) {
    const previous = conversations;
    setConversations((current) => current?.filter((item) => item.id !== id) ?? null);
    try {
      await api(`/api/conversations/${id}`, { method: "DELETE" });
      onDeleted();
    } catch (error) {
      setConversations(previous);
      setHistoryError(errorMessage(error));
    }
  }

  return { conversations, historyError, loadConversations, deleteConversation };
}
