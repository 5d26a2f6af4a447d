import type { ChatStreamEvent } from "@taskflow/contracts";
import { describe, expect, it } from "vitest";
import { chatStreamEvent, readChatStream } from "./sse";

/** A response body that arrives in these chunks. */
function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of readChatStream(stream)) events.push(event);
  return events;
}

const call = { tool: "add_task", arguments: { title: "Milk" }, result: { task_id: 4, status: "created" } };

describe("a streamed chat turn", () => {
  it("reads every event the api sends, split across chunks and with CRLF line ends", async () => {
    const events = await all(
      body(
        'event: start\ndata: {"conversation_id":7}\n\n',
        'event: text\r\ndata: {"delta":"Added "}\r',
        "\n\r\nevent: tool_call\ndata: ",
        `${JSON.stringify(call)}\n\n`,
        `event: done\ndata: ${JSON.stringify({ conversation_id: 7, response: "Added Milk.", tool_calls: [call] })}\n\n`,
      ),
    );
    expect(events).toEqual([
      { event: "start", data: { conversation_id: 7 } },
      { event: "text", data: { delta: "Added " } },
      { event: "tool_call", data: call },
      { event: "done", data: { conversation_id: 7, response: "Added Milk.", tool_calls: [call] } },
    ]);
  });

  it("reads a failed turn's problem, with the conversation that holds it", async () => {
    const problem = { status: 503, title: "Chat failed", detail: "The model is busy.", conversation_id: 7 };
    expect(await all(body(`event: error\ndata: ${JSON.stringify(problem)}\n\n`))).toEqual([
      { event: "error", data: { type: "about:blank", ...problem } },
    ]);
  });

  it("skips an event whose data breaks the contract, and events it does not know", async () => {
    const malformed = [
      { event: "start", data: '{"conversation_id":"7"}' },
      { event: "text", data: '{"text":"hi"}' },
      { event: "tool_call", data: '{"tool":"add_task"}' },
      { event: "done", data: '{"conversation_id":7,"response":"ok"}' },
      { event: "error", data: '{"detail":"no status or title"}' },
      { event: "done", data: "not json" },
      { event: "done", data: "[]" },
      { event: "ping", data: "{}" },
      { event: "message", data: '{"conversation_id":7}' },
    ];
    for (const sse of malformed) expect(chatStreamEvent(sse), JSON.stringify(sse)).toBeNull();
    const stream = malformed.map((sse) => `event: ${sse.event}\ndata: ${sse.data}\n\n`);
    expect(await all(body(...stream, 'event: text\ndata: {"delta":"still here"}\n\n'))).toEqual([
      { event: "text", data: { delta: "still here" } },
    ]);
  });
});
