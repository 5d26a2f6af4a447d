"use client";

import type { AssistantMode } from "@taskflow/contracts";
import { useCallback, useRef, useState, useSyncExternalStore } from "react";
import { useModal } from "@/components/keyboard/use-modal";
import { SparkIcon } from "@/components/ui/icons";
import { ChatPanel } from "./chat-panel";

/** Below Tailwind's `lg`, where the assistant is not beside the board but opens over it. */
const PHONE = "(max-width: 63.99rem)";
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};
const isPhone = () => window.matchMedia(PHONE).matches;

// A landmark beside the board; a modal dialog over it on phones while open.
const PANEL = { role: "complementary", "aria-label": "Assistant panel" } as const;
const MODAL = { role: "dialog", "aria-modal": true, "aria-label": "Assistant" } as const;

type Props = { assistantMode: AssistantMode | null; onTasksChanged: () => void };

/**
 * The assistant: beside the board on wide screens; on phones a modal dialog over it, opened by a
 * button that never covers the tasks (the page keeps room for it below the last row). The same
 * element serves both widths, so the conversation survives a resize; that is why it is not a native
 * <dialog>: useModal gives it focus in, a focus trap, an inert page and Escape instead.
 */
export function AssistantPanel({ assistantMode, onTasksChanged }: Props) {
  const [open, setOpen] = useState(false);
  const phone = useSyncExternalStore(subscribe, isPhone, () => false);
  const modal = open && phone;
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useModal(ref, modal, close, () => document.getElementById("chat-input"));

  return (
    <>
      <div
        ref={ref}
        {...(modal ? MODAL : PANEL)}
        className={`${open ? "fixed inset-0 z-40 flex" : "hidden"} flex-col bg-surface lg:sticky lg:top-20 lg:z-auto lg:flex lg:h-[calc(100dvh-7rem)] lg:rounded-2xl lg:border lg:border-slate-200 lg:shadow-sm`}
        data-testid="chat-aside"
      >
        <ChatPanel assistantMode={assistantMode} onTasksChanged={onTasksChanged} onClose={close} />
      </div>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="fixed right-4 bottom-4 z-30 inline-flex items-center gap-2 rounded-full bg-accent px-4 py-3 text-sm font-semibold text-on-accent shadow-lg shadow-accent/30 hover:bg-accent-hover lg:hidden"
        data-testid="chat-open"
        aria-haspopup="dialog"
        aria-label="Open assistant"
      >
        <SparkIcon />
        Assistant
      </button>
    </>
  );
}
