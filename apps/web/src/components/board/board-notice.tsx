"use client";

import { useEffect, useState } from "react";

const NOTICE_MS = 6000;

/** A message (a failure, or news such as a repeat's next date) that clears itself after a few seconds. */
export function useNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice] as const;
}

/** `error` is announced at once (alert); `info` politely (status), in dark rather than red. */
export function BoardNotice({ notice, tone = "error" }: { notice: string | null; tone?: "error" | "info" }) {
  if (!notice) return null;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`fixed inset-x-3 bottom-20 z-50 mx-auto max-w-md rounded-xl px-4 py-3 text-sm shadow-lg sm:bottom-6 ${tone === "error" ? "bg-danger text-on-accent" : "bg-inverse text-on-inverse"}`}
      data-testid={tone === "error" ? "board-notice" : "board-info"}
    >
      {notice}
    </div>
  );
}
