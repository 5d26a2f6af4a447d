// What the GET /api/events suites share: a reader of one open stream over real HTTP that keeps every
// event and comment it has seen, and waits for the ones a test expects.
import type { Task } from "@taskflow/contracts";
import { eventually } from "@taskflow/testing/wait";

export interface StreamEvent {
  id?: string;
  event: string;
  data: { task?: Task; id?: number };
  at: number;
}

export interface EventReader {
  status: number;
  headers: Headers;
  events: StreamEvent[];
  comments: string[];
  /** The `retry:` values received. */
  retries: number[];
  /** Resolves once the server has ended the stream (or the connection broke). */
  ended: Promise<void>;
  isEnded(): boolean;
  /** Waits until an event matching `match` arrived and returns it. */
  waitFor(what: string, match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  close(): void;
}

/** Opens GET /api/events and reads it in the background until closed. */
export async function openEvents(baseUrl: string, headers: Record<string, string>): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, {
    headers: { accept: "text/event-stream", ...headers },
    signal: controller.signal,
  });
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  let ended = false;
  const body = response.body;
  const reading = (async () => {
    if (!body || !(response.headers.get("content-type") ?? "").includes("text/event-stream")) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const chunks = body.getReader();
      while (true) {
        const { value, done } = await chunks.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf("\n\n");
          const fields: Record<string, string> = {};
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else {
              const colon = line.indexOf(":");
              if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).trimStart();
            }
          }
          if (fields.retry !== undefined) retries.push(Number(fields.retry));
          if (fields.event !== undefined)
            events.push({
              id: fields.id,
              event: fields.event,
              data: JSON.parse(fields.data ?? "null") as StreamEvent["data"],
              at: Date.now(),
            });
        }
      }
    } catch {
      // aborted by close(), or the server went away
    } finally {
      ended = true;
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    retries,
    ended: reading,
    isEnded: () => ended,
    async waitFor(what, match, timeoutMs = 5000) {
      let found: StreamEvent | undefined;
      await eventually(
        () => {
          found = events.find(match);
          return found !== undefined;
        },
        what,
        timeoutMs,
      );
      return found as StreamEvent;
    },
    close() {
      controller.abort();
    },
  };
}

/** The events of `name` about task `id` a reader has seen. */
export const about = (reader: EventReader, name: string, id: number) =>
  reader.events.filter((e) => e.event === name && (e.data.task?.id ?? e.data.id) === id);
