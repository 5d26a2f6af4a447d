// One MCP client connection per chat turn, over Streamable HTTP with the user's agent token. The server
// is stateless, so nothing is shared between turns or users.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { AgentError } from "./agent-error";
import type { ToolCallRecord } from "./types";

export interface McpSession {
  call(tool: string, args: Record<string, unknown>): Promise<ToolCallRecord>;
  close(): Promise<void>;
}

export async function openMcpSession(url: string, token: string, signal: AbortSignal): Promise<McpSession> {
  const client = new Client({ name: "taskflow-agent", version: "0.1.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  try {
    await client.connect(transport, { signal, timeout: 10_000 });
  } catch (error) {
    if (signal.aborted) throw new AgentError("timeout", error);
    throw new AgentError("tools_unavailable", error);
  }
  return {
    async call(tool, args) {
      try {
        const result = await client.callTool({ name: tool, arguments: args }, undefined, {
          signal,
          timeout: 15_000,
        });
        const isError = result.isError === true;
        const payload = result.structuredContent ?? textOf(result.content);
        return { tool, arguments: args, result: payload, ...(isError ? { is_error: true } : {}) };
      } catch (error) {
        if (signal.aborted) throw new AgentError("timeout", error);
        throw new AgentError("tools_unavailable", error);
      }
    },
    close: () => client.close().catch(() => {}),
  };
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : ""))
    .join("\n");
}
