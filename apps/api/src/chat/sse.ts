import type { FastifyReply } from "fastify";

/** Takes over the reply and returns a writer of server-sent events. */
export function openEventStream(reply: FastifyReply) {
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
  return {
    send(event: string, data: unknown) {
      if (!reply.raw.writableEnded) reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (!reply.raw.writableEnded) reply.raw.end();
    },
  };
}
