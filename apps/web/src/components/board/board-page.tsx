"use client";

import { Suspense, useCallback, useEffect, useState } from "react";
import { ChatPanel } from "@/components/chat/chat-panel";
import { SparkIcon } from "@/components/ui/icons";
import { useConfig } from "@/lib/use-config";
import { ListsLayout } from "../lists/lists-layout";
import { Board } from "./board";

/** The board and the assistant side by side; on phones the assistant opens as a full-screen sheet. */
export function BoardPage() {
  const [version, setVersion] = useState(0);
  const [chatOpen, setChatOpen] = useState(false);
  const { config } = useConfig();
  const tasksChanged = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    if (!chatOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setChatOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [chatOpen]);

  return (
    <main className="mx-auto grid w-full max-w-7xl flex-1 gap-6 px-3 py-5 sm:px-6 sm:py-8 lg:grid-cols-[minmax(0,1fr)_24rem] xl:grid-cols-[minmax(0,1fr)_26rem]">
      {/* The board reads its view and filters from the URL's search params. */}
      <Suspense>
        <ListsLayout>
          <Board version={version} />
        </ListsLayout>
      </Suspense>
      <aside
        aria-label="Assistant panel"
        className={`${chatOpen ? "fixed inset-0 z-40 flex" : "hidden"} flex-col bg-surface lg:sticky lg:top-20 lg:z-auto lg:flex lg:h-[calc(100dvh-7rem)] lg:rounded-2xl lg:border lg:border-slate-200 lg:shadow-sm`}
        data-testid="chat-aside"
      >
        <ChatPanel
          assistantMode={config?.assistant ?? null}
          onTasksChanged={tasksChanged}
          onClose={() => setChatOpen(false)}
        />
      </aside>
      {!chatOpen && (
        <button
          type="button"
          onClick={() => setChatOpen(true)}
          className="fixed right-4 bottom-4 z-30 inline-flex items-center gap-2 rounded-full bg-accent px-4 py-3 text-sm font-semibold text-on-accent shadow-lg shadow-accent/30 hover:bg-accent-hover lg:hidden"
          data-testid="chat-open"
          aria-label="Open assistant"
        >
          <SparkIcon />
          Assistant
        </button>
      )}
    </main>
  );
}
