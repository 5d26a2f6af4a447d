"use client";

import { useEffect, useState } from "react";

const NOTICE_MS = 6000;

/** A failure message that clears itself after a few seconds. */
export function useNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, setNotice] as const;
}

export function BoardNotice({ notice }: { notice: string | null }) {
  if (!notice) return null;
  return (
    <div
      role="alert"
      className="fixed inset-x-3 bottom-20 z-50 mx-auto max-w-md rounded-xl bg-red-700 px-4 py-3 text-sm text-white shadow-lg sm:bottom-6"
      data-testid="board-notice"
    >
      {notice}
    </div>
  );
}
