"use client";

import type { ConversationList } from "@taskflow/contracts";
import { useCallback, useState } from "react";
import { api, errorMessage } from "@/lib/api";
import { useApiData } from "@/lib/use-api-data";

/** The user's past conversations, for the history view. */
export function useConversationHistory() {
  const list = useApiData<ConversationList>("/api/conversations");
  const { setData, reload } = list;
  // A failed delete; cleared when the list loads again, as a failed load's error is.
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const loadConversations = useCallback(() => {
    setDeleteError(null);
    reload();
  }, [reload]);

  /** Deletes optimistically; `onDeleted` runs once the api agreed. */
  async function deleteConversation(id: number, onDeleted: () => void) {
    const previous = list.data;
    setData((current) => current && { items: current.items.filter((item) => item.id !== id) });
    try {
      await api(`/api/conversations/${id}`, { method: "DELETE" });
      onDeleted();
    } catch (error) {
      setData(previous);
      setDeleteError(errorMessage(error));
    }
  }

  return {
    conversations: list.data?.items ?? null,
    // While the list loads again, its last failure is no longer the news.
    historyError: deleteError ?? (list.loading ? null : list.error),
    loadConversations,
    deleteConversation,
  };
}
