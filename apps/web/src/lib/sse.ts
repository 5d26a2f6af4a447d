// A minimal text/event-stream reader for fetch responses (EventSource cannot POST), and the chat turn's
// events read from it.
import { type ChatStreamEvent, chatStreamEventSchema } from "@taskflow/contracts";

export type SseEvent = { event: string; data: string };

export async function* readSse(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const abort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener("abort", abort, { once: true });
  let buffer = "";
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      // Normalise CRLF after joining, so a "\r" and "\n" split across chunks still pair up.
      buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n/g, "\n");
      let boundary = buffer.indexOf("\n\n");
      while (boundary !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const parsed = parseBlock(block);
        if (parsed) yield parsed;
        boundary = buffer.indexOf("\n\n");
      }
    }
    const last = parseBlock(buffer);
    if (last) yield last;
  } finally {
    signal?.removeEventListener("abort", abort);
    reader.releaseLock();
  }
}

function parseBlock(block: string): SseEvent | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length > 0 ? { event, data: data.join("\n") } : null;
}

/**
 * A streamed chat turn's event, checked against the contract (`ChatStreamEvent`). Null for an event
 * this app does not know, or one whose data is not what the contract says (bad JSON, a field missing
 * or of the wrong type): such an event is skipped, never half-used.
 */
export function chatStreamEvent(sse: SseEvent): ChatStreamEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(sse.data);
  } catch {
    return null;
  }
  const parsed = chatStreamEventSchema.safeParse({ event: sse.event, data });
  return parsed.success ? parsed.data : null;
}

/** The chat turn's events in a text/event-stream body, each checked against the contract. */
export async function* readChatStream(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<ChatStreamEvent> {
  for await (const sse of readSse(body, signal)) {
    const event = chatStreamEvent(sse);
    if (event) yield event;
  }
}
