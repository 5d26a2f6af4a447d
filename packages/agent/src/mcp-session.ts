// The offline agent's MCP client: one initialised connection per agent, shared by every turn. The server
// is stateless, so turns differ only in the Authorization header, which each HTTP request takes from the
// turn it belongs to (AsyncLocalStorage). A turn thus costs its tool calls alone, not the two extra round
// trips of an initialize handshake. Nothing else is shared: each call is its own HTTP request and answer.
import { AsyncLocalStorage } from "node:async_hooks";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { AgentError } from "./agent-error";
import type { ToolCallRecord } from "./types";

export interface McpConnection {
  /** Calls `tool` as the user of `token`; tool errors come back as `is_error`, outages as AgentError. */
  call(
    token: string,
    tool: string,
    args: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<ToolCallRecord>;
}

const CONNECT_TIMEOUT_MS = 10_000;
const CALL_TIMEOUT_MS = 15_000;

export function createMcpConnection(url: string): McpConnection {
  const tokens = new AsyncLocalStorage<string>();
  const fetchAsCaller: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    const token = tokens.getStore();
    if (token) headers.set("authorization", `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };

  let connected: Promise<Client> | undefined;
  function connect(): Promise<Client> {
    if (!connected) {
      const client = new Client({ name: "taskflow-agent", version: "0.1.0" });
      const transport = new StreamableHTTPClientTransport(new URL(url), { fetch: fetchAsCaller });
      const attempt = client.connect(transport, { timeout: CONNECT_TIMEOUT_MS }).then(() => client);
      // A failed handshake (mcp down) is retried by the next turn instead of being remembered.
      attempt.catch(() => {
        if (connected === attempt) connected = undefined;
      });
      connected = attempt;
    }
    return connected;
  }

  return {
    call: (token, tool, args, signal) =>
      tokens.run(token, async () => {
        try {
          const client = await untilAborted(connect(), signal);
          const result = await client.callTool({ name: tool, arguments: args }, undefined, {
            signal,
            timeout: CALL_TIMEOUT_MS,
          });
          const isError = result.isError === true;
          const payload = result.structuredContent ?? textOf(result.content);
          return { tool, arguments: args, result: payload, ...(isError ? { is_error: true } : {}) };
        } catch (error) {
          if (signal.aborted) throw new AgentError("timeout", error);
          throw new AgentError("tools_unavailable", error);
        }
      }),
  };
}

/** `promise`, or a rejection as soon as `signal` aborts (the shared handshake itself is not cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : ""))
    .join("\n");
}
