// Whether Taskflow can save right now, as the page knows it: the browser says it is offline
// (navigator.onLine), or a change sent to /api failed on the way. lib/api.ts reports what its
// requests find; the offline banner and the forms' messages read it from here.

export const OFFLINE_MESSAGE = "You're offline — changes can't be saved until you reconnect.";

const EVENT = "taskflow:connectivity";
let writeFailed = false;

/** The browser says it has no network. */
export function browserOffline(): boolean {
  return typeof navigator !== "undefined" && navigator.onLine === false;
}

/** A change sent to /api never got an answer (no network, or nothing reachable on the way). */
export function reportWriteFailed(): void {
  setWriteFailed(true);
}

/** An answer came back from /api: the way is open again. */
export function reportReachable(): void {
  setWriteFailed(false);
}

function setWriteFailed(value: boolean): void {
  if (writeFailed === value || typeof window === "undefined") return;
  writeFailed = value;
  window.dispatchEvent(new Event(EVENT));
}

/** Offline as the banner shows it: the browser says so, or the last change could not be sent. */
export function offlineNow(): boolean {
  return browserOffline() || writeFailed;
}

/** Calls `listener` whenever offlineNow() may have changed; returns the unsubscribe. */
export function subscribeConnectivity(listener: () => void): () => void {
  const online = () => {
    writeFailed = false;
    listener();
  };
  window.addEventListener("online", online);
  window.addEventListener("offline", listener);
  window.addEventListener(EVENT, listener);
  return () => {
    window.removeEventListener("online", online);
    window.removeEventListener("offline", listener);
    window.removeEventListener(EVENT, listener);
  };
}
