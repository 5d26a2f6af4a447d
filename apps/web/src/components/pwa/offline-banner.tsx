"use client";

import { useSyncExternalStore } from "react";
import { OFFLINE_MESSAGE, offlineNow, subscribeConnectivity } from "./connectivity";

/**
 * Says plainly that nothing can be saved while the browser is offline (or a change just failed to get
 * through), and goes away once it is back. The status region is always there, so screen readers hear
 * the message when it appears.
 */
export function OfflineBanner() {
  const offline = useSyncExternalStore(subscribeConnectivity, offlineNow, () => false);
  return (
    <div role="status" aria-live="polite" className="sticky top-0 z-40">
      {offline && (
        <p
          data-testid="offline-banner"
          className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 shadow-sm"
        >
          {OFFLINE_MESSAGE}
        </p>
      )}
    </div>
  );
}
