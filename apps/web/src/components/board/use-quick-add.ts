"use client";

// Reads the marks in the add field as it is typed (debounced), and once more on Add when the last
// reading is not of the text being added. Any failure short of the api refusing the text leaves the
// text itself as the title: what was typed is never lost.
import { parsedTaskSchema } from "@taskflow/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "@/lib/api";
import { useMe } from "@/lib/use-me";
import type { QuickParse } from "./quick-add";

const DEBOUNCE_MS = 300;
/** On Add, wait this long at most for a reading before adding the text as it is. */
const SUBMIT_TIMEOUT_MS = 5000;

async function parseText(text: string, zoneReady: Promise<void>, signal?: AbortSignal, timeoutMs?: number) {
  // Dates are read in the stored zone: let the app finish storing this browser's first.
  await zoneReady;
  try {
    const answer = await api<unknown>("/api/tasks/parse", {
      method: "POST",
      json: { text },
      // A lapsed session is for the Add itself to find; typing should not navigate away.
      redirectOn401: false,
      ...(signal ? { signal } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    const parsed = parsedTaskSchema.safeParse(answer);
    if (!parsed.success) return { kind: "unavailable", text } as const;
    return { kind: "parsed", text, result: parsed.data } as const;
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof ApiError && error.status === 400) {
      const field = error.fieldErrors.find((item) => item.field.replace(/^body\./, "") === "text");
      return { kind: "invalid", text, message: sentence(field?.message ?? error.message) } as const;
    }
    return { kind: "unavailable", text } as const;
  }
}

function sentence(message: string): string {
  const trimmed = message.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

export function useQuickAdd(text: string): {
  parse: QuickParse;
  /** The reading of `text` to add with: the current one if it is of this text, else a fresh one. */
  resolve: (text: string) => Promise<QuickParse>;
} {
  const { zoneReady } = useMe();
  const [parse, setParse] = useState<QuickParse>({ kind: "idle" });
  const latest = useRef<QuickParse>(parse);
  latest.current = parse;
  const shownText = useRef(text);
  shownText.current = text;
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    const trimmed = text.trim();
    inFlight.current?.abort();
    if (!trimmed) {
      setParse({ kind: "idle" });
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    const timer = setTimeout(() => {
      setParse((current) => (current.kind === "idle" ? { kind: "parsing", text } : current));
      parseText(text, zoneReady, controller.signal)
        .then((next) => {
          if (!controller.signal.aborted) setParse(next);
        })
        .catch(() => {
          // Aborted: a newer text replaced this one.
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, zoneReady]);

  const resolve = useCallback(
    async (value: string): Promise<QuickParse> => {
      const current = latest.current;
      if ((current.kind === "parsed" || current.kind === "invalid") && current.text === value) return current;
      inFlight.current?.abort();
      const fresh = await parseText(value, zoneReady, undefined, SUBMIT_TIMEOUT_MS);
      // The add form clears as it adds: its chips then read what is typed next, not the text added.
      if (shownText.current === value) setParse(fresh);
      return fresh;
    },
    [zoneReady],
  );

  return { parse, resolve };
}
