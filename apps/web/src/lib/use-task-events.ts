"use client";

// The live stream of the user's task changes and reminders (GET /api/events, text/event-stream),
// through the web's same-origin /api proxy with the session cookie. EventSource reconnects by itself
// (the server's `retry:` sets the pace); this hook says whether the stream is live right now.
import { LIVE_EVENTS, type LiveEvent, liveEventSchema } from "@taskflow/contracts/events";
import { useEffect, useRef, useState } from "react";

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

/** One SSE message checked against the contract; null (skipped) when it does not fit. */
export function liveEvent(event: string, data: string): LiveEvent | null {
  try {
    const parsed = liveEventSchema.safeParse({ event, data: JSON.parse(data) });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onEvent` for every event of the stream while the component is mounted (the latest `onEvent`,
 * so it may change on each render without reconnecting). `onReconnect` runs when the stream comes
 * back after a break: changes made meanwhile were not streamed, so the caller reloads.
 */
export function useTaskEvents(onEvent: (event: LiveEvent) => void, onReconnect?: () => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const reconnected = useRef(onReconnect);
  reconnected.current = onReconnect;

  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setStatus("offline");
      return;
    }
    const source = new EventSource("/api/events", { withCredentials: true });
    let broken = false;
    source.onopen = () => {
      setStatus("live");
      if (broken) reconnected.current?.();
      broken = false;
    };
    source.onerror = () => {
      broken = true;
      // CLOSED: the server refused the stream (signed out, 4xx); EventSource does not retry that.
      setStatus(source.readyState === EventSource.CLOSED ? "offline" : "reconnecting");
    };
    const listener = (message: MessageEvent<string>) => {
      const event = liveEvent(message.type, message.data);
      if (event) handler.current(event);
    };
    for (const name of LIVE_EVENTS) source.addEventListener(name, listener);
    return () => source.close();
  }, []);

  return status;
}
