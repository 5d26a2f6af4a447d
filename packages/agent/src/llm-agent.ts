// LLM mode: any OpenAI-compatible endpoint through the Vercel AI SDK; the tools it offers the model are
// the ones discovered from our MCP server over HTTP.
import { createMCPClient } from "@ai-sdk/mcp";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, type ModelMessage, stepCountIs, streamText } from "ai";
import { AgentError } from "./agent-error";
import { systemPrompt } from "./system-prompt";
import type { ChatAgent, ToolCallRecord, TurnInput, TurnResult } from "./types";

export interface LlmOptions {
  mcpUrl: string;
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Upper bound on model ↔ tool round trips in one turn. */
  maxSteps?: number;
}

export function createLlmAgent(options: LlmOptions): ChatAgent {
  const provider = createOpenAICompatible({ name: "llm", baseURL: options.baseUrl, apiKey: options.apiKey });
  return {
    mode: "llm",
    async runTurn(input: TurnInput): Promise<TurnResult> {
      const mcp = await createMCPClient({
        transport: {
          type: "http",
          url: options.mcpUrl,
          headers: { Authorization: `Bearer ${input.mcpToken}` },
        },
        protocolVersionDiscovery: false,
        clientName: "taskflow-agent",
      }).catch((error: unknown) => {
        throw new AgentError(input.signal.aborted ? "timeout" : "tools_unavailable", error);
      });
      try {
        const tools = await mcp.tools().catch((error: unknown) => {
          throw new AgentError("tools_unavailable", error);
        });
        const messages: ModelMessage[] = [
          ...input.history.map((m) => ({ role: m.role, content: m.content }) as ModelMessage),
          { role: "user", content: input.message },
        ];
        const result = streamText({
          model: provider.chatModel(options.model),
          system: systemPrompt(input.now),
          messages,
          tools,
          stopWhen: stepCountIs(options.maxSteps ?? 6),
          abortSignal: input.signal,
          maxRetries: 1,
          // Errors arrive as `error` parts below and the api logs them; the SDK's default prints to stderr.
          onError: () => {},
        });
        const toolCalls: ToolCallRecord[] = [];
        let text = "";
        for await (const part of result.fullStream) {
          if (part.type === "text-delta") {
            text += part.text;
            input.onEvent?.({ type: "text", delta: part.text });
          } else if (part.type === "tool-result" || part.type === "tool-error") {
            const call = toRecord(
              part.toolName,
              part.input,
              part.type === "tool-result" ? part.output : part.error,
              part.type === "tool-error",
            );
            toolCalls.push(call);
            input.onEvent?.({ type: "tool_call", call });
          } else if (part.type === "error") {
            throw part.error;
          } else if (part.type === "abort") {
            throw new AgentError("timeout");
          }
        }
        if (!text.trim()) throw new AgentError("llm_invalid");
        return { response: text.trim(), toolCalls };
      } catch (error) {
        throw classify(error, input.signal);
      } finally {
        await mcp.close().catch(() => {});
      }
    },
  };
}

/** The same record the offline agent keeps: the structured result, or the text of a tool error. */
function toRecord(tool: string, args: unknown, output: unknown, failed: boolean): ToolCallRecord {
  const result = output as { structuredContent?: unknown; content?: unknown; isError?: boolean } | undefined;
  const isError = failed || result?.isError === true;
  return {
    tool,
    arguments: (args && typeof args === "object" ? args : {}) as Record<string, unknown>,
    result: failed
      ? String((output as Error)?.message ?? output)
      : (result?.structuredContent ?? textOf(result?.content) ?? output),
    ...(isError ? { is_error: true } : {}),
  };
}

function textOf(content: unknown): string | undefined {
  if (!Array.isArray(content)) return undefined;
  return content
    .map((part) => (part && typeof part === "object" && "text" in part ? String(part.text) : ""))
    .join("\n");
}

function classify(error: unknown, signal: AbortSignal): AgentError {
  if (error instanceof AgentError) return error;
  if (signal.aborted) return new AgentError("timeout", error);
  if (APICallError.isInstance(error)) return new AgentError("llm_unavailable", error);
  const name = (error as { name?: string })?.name ?? "";
  if (/Abort|Timeout/.test(name)) return new AgentError("timeout", error);
  if (/Fetch|Connect|Retry/.test(name)) return new AgentError("llm_unavailable", error);
  return new AgentError("llm_invalid", error);
}
