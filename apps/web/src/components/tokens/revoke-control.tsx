"use client";

import { useState } from "react";
import { api, errorMessage } from "@/lib/api";

/** A list row's revoke: asks first, then DELETEs `path`; a failure leaves the row with `error` set. */
export function useRevoke(path: string, onRevoked: () => void) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    setPending(true);
    setError(null);
    try {
      await api(path, { method: "DELETE" });
      onRevoked();
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return { confirming, setConfirming, pending, error, revoke };
}

/** Revoke, then `question` with Keep / Revoke; test ids `<testId>` and `<testId>-confirm`. */
export function RevokeControl({
  state,
  question,
  testId,
}: {
  state: ReturnType<typeof useRevoke>;
  question: string;
  testId: string;
}) {
  const { confirming, setConfirming, pending, revoke } = state;
  if (!confirming)
    return (
      <button
        type="button"
        className="btn btn-danger py-1.5"
        onClick={() => setConfirming(true)}
        data-testid={testId}
      >
        Revoke
      </button>
    );
  return (
    <div className="flex items-center gap-2">
      <span className="text-sm text-slate-600">{question}</span>
      <button
        type="button"
        className="btn btn-secondary py-1.5"
        onClick={() => setConfirming(false)}
        disabled={pending}
      >
        Keep
      </button>
      <button
        type="button"
        className="btn bg-danger py-1.5 text-on-accent hover:bg-danger-hover"
        onClick={revoke}
        disabled={pending}
        data-testid={`${testId}-confirm`}
      >
        {pending ? "Revoking…" : "Revoke"}
      </button>
    </div>
  );
}
