"use client";

import { Suspense, useCallback, useState } from "react";
import { AssistantPanel } from "@/components/chat/assistant-panel";
import { useConfig } from "@/lib/use-config";
import { ListsLayout } from "../lists/lists-layout";
import { Board } from "./board";

/** The board and the assistant side by side; on phones the assistant opens as a full-screen modal. */
export function BoardPage() {
  const [version, setVersion] = useState(0);
  const { config } = useConfig();
  const tasksChanged = useCallback(() => setVersion((value) => value + 1), []);

  return (
    <main className="mx-auto grid w-full max-w-7xl flex-1 gap-6 px-3 pt-5 pb-24 sm:px-6 sm:pt-8 lg:pb-8 lg:grid-cols-[minmax(0,1fr)_24rem] xl:grid-cols-[minmax(0,1fr)_26rem]">
      {/* The board reads its view and filters from the URL's search params. */}
      <Suspense>
        <ListsLayout>
          <Board version={version} />
        </ListsLayout>
      </Suspense>
      {/* Room below the last row (pb-24 on phones) keeps the Assistant button off the tasks' actions. */}
      <AssistantPanel assistantMode={config?.assistant ?? null} onTasksChanged={tasksChanged} />
    </main>
  );
}
