"use client";

import { type ReactNode, useEffect, useMemo, useState } from "react";
import { browserTimeZone } from "@/lib/dates";
import { loadMe, MeContext, type MeState, usableZone } from "@/lib/use-me";
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
  const [me, setMe] = useState<MeState["me"]>(null);
  const [changedTo, setChangedTo] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadMe(browserTimeZone(), controller.signal)
      .then(({ me: loaded, changed }) => {
        setMe(loaded);
        setChangedTo(changed);
      })
      .catch(() => {
        // No profile (api down, signed out): dues stay in the browser's zone; the board says why.
      })
      .finally(() => {
        if (!controller.signal.aborted) ready.resolve();
      });
    return () => controller.abort();
  }, [ready]);

  const value = useMemo<MeState>(() => {
    const stored = me?.time_zone;
    return {
      me,
      timeZone: stored && usableZone(stored) ? stored : browserTimeZone(),
      zoneReady: ready.promise,
    };
  }, [me, ready]);

  return (
    <MeContext value={value}>
      {changedTo && <ZoneNotice zone={changedTo} onDismiss={() => setChangedTo(null)} />}
      {children}
    </MeContext>
  );
}
