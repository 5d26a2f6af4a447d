"use client";

// The signed-in user's profile and the time zone everything they read is shown in (GET /api/me).
// The app keeps that zone equal to the browser's: on load, when they differ, it stores the browser's
// zone (PATCH /api/me) and says so once.
import type { Me } from "@taskflow/contracts";
import { createContext, useContext } from "react";
import { api } from "./api";
import { browserTimeZone } from "./dates";

export type MeState = {
  me: Me | null;
  /** The zone dues are shown and typed in: the stored one once known, the browser's until then. */
  timeZone: string;
  /**
   * Settles once the stored zone is the one shown (or could not be changed). A wall time sent before
   * would be read by the api in the old zone, so forms sending one wait for it.
   */
  zoneReady: Promise<void>;
};

export const MeContext = createContext<MeState>({
  me: null,
  timeZone: browserTimeZone(),
  zoneReady: Promise.resolve(),
});

export function useMe(): MeState {
  return useContext(MeContext);
}

export function useTimeZone(): string {
  return useContext(MeContext).timeZone;
}

/**
 * Loads the profile and, when the browser's zone differs from the stored one, stores the browser's.
 * `changed` is the newly stored zone (to tell the user), null when nothing changed. A refused PATCH
 * (a zone the api does not know) keeps the stored zone: dues are then shown in that one.
 */
export async function loadMe(
  browserZone: string,
  signal?: AbortSignal,
): Promise<{ me: Me; changed: string | null }> {
  const me = await api<Me>("/api/me", { signal });
  if (!browserZone || browserZone === me.time_zone) return { me, changed: null };
  try {
    const updated = await api<Me>("/api/me", { method: "PATCH", json: { time_zone: browserZone }, signal });
    return { me: updated, changed: updated.time_zone };
  } catch {
    if (signal?.aborted) throw signal.reason;
    return { me, changed: null };
  }
}
