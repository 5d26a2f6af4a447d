// A stand-in for an OpenAI-compatible endpoint (`POST /v1/chat/completions`, streamed or not) whose
// behaviour the test switches: answering, slow (never answers in time), broken (garbage), or down.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type LlmMode = "ok" | "slow" | "garbage";

export class LlmMock {
  mode: LlmMode = "ok";
  requests = 0;
  private server?: Server;
  private sockets = new Set<Socket>();
  port = 0;

  get baseUrl() {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Down: the port refuses connections. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    this.requests++;
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (this.mode === "slow") return; // never answers; the api's CHAT_TIMEOUT_MS must give up
    if (this.mode === "garbage") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end('{"choices": "this is not what an LLM endpoint returns"');
    }
    const stream = (JSON.parse(raw || "{}") as { stream?: boolean }).stream === true;
    const id = `chatcmpl-${this.requests}`;
    const created = Math.floor(Date.now() / 1000);
    const text = "Hello from the mock model.";
    if (!stream) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(
        JSON.stringify({
          id,
          object: "chat.completion",
          created,
          model: "mock",
          choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: "mock", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    res.write(chunk({ role: "assistant", content: text }, null));
    res.write(chunk({}, "stop"));
    res.end("data: [DONE]\n\n");
  }
}
