import type { ChatStreamEventInput, ChatStreamEventName } from "@taskflow/contracts";
import type { FastifyReply } from "fastify";

/** The data an event of this name carries (`ChatStreamEvent` in the contracts). */
type EventData<E extends ChatStreamEventName> = Extract<ChatStreamEventInput, { event: E }>["data"];

/**
 * Takes over the reply and sends the head of a server-sent event stream (a chat turn's, GET
 * /api/events'), unbuffered and uncompressed all the way to the browser.
 */
export function startEventStream(reply: FastifyReply): void {
  reply.hijack();
  reply.raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    // Tell proxies (nginx ingress) not to buffer, so tokens reach the browser as they come.
    "x-accel-buffering": "no",
    "x-request-id": String(reply.request.id),
  });
  reply.raw.flushHeaders();
}

/** Takes over the reply and returns a writer of the chat turn's server-sent events. */
export function openEventStream(reply: FastifyReply) {
  startEventStream(reply);
  return {
    /** Writes one event of a streamed chat turn; its data is typed by the contract (ChatStreamEvent). */
    send<E extends ChatStreamEventName>(event: E, data: EventData<E>) {
      if (!reply.raw.writableEnded) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!reply.raw.writableEnded) reply.raw.end();
    },
  };
}
