"use client";

import { isIntlTimeZone } from "@taskflow/contracts/zoned-time";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { browserTimeZone } from "@/lib/dates";
import { useApiData } from "@/lib/use-api-data";
import { loadMe, MeContext, type MeState } from "@/lib/use-me";
import { ZoneNotice } from "./zone-notice";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Gives every page of the app the user's profile and zone, and says once when the zone was changed. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [ready] = useState(deferred);
  // No profile (api down, signed out): dues stay in the browser's zone; the board says why.
  const { data, loading, setData } = useApiData("/api/me", {
    load: (signal) => loadMe(browserTimeZone(), signal),
  });
  const me = data?.me ?? null;
  const changedTo = data?.changed ?? null;

  useEffect(() => {
    if (!loading) ready.resolve();
  }, [loading, ready]);

  const value = useMemo<MeState>(() => {
    const stored = me?.time_zone;
    return {
      me,
      // A zone the api stored but this browser does not know cannot be shown in.
      timeZone: stored && isIntlTimeZone(stored) ? stored : browserTimeZone(),
      zoneReady: ready.promise,
    };
  }, [me, ready]);

  return (
    <MeContext value={value}>
      {changedTo && (
        <ZoneNotice
          zone={changedTo}
          onDismiss={() => setData((current) => current && { ...current, changed: null })}
        />
      )}
      {children}
    </MeContext>
  );
}
