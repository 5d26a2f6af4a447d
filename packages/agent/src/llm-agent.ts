// LLM mode: any OpenAI-compatible endpoint through the Vercel AI SDK; the tools it offers the model are
// the ones discovered from our MCP server over HTTP.
import { createMCPClient } from "@ai-sdk/mcp";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { stepCountIs, streamText, type ToolSet } from "ai";
import { AgentError } from "./agent-error";
import { classifyError } from "./classify-error";
import { buildModelMessages, toolOutput } from "./model-history";
import { systemPrompt } from "./system-prompt";
import { modelInputSchema } from "./tool-schema";
import type { ChatAgent, ToolCallRecord, TurnInput, TurnResult } from "./types";

export interface LlmOptions {
  mcpUrl: string;
  apiKey: string;
  baseUrl: string;
  model: string;
  /** Upper bound on model ↔ tool round trips in one turn. */
  maxSteps?: number;
  /** Longest one step (a model call and the tools it asks for) may take; the turn's signal caps the whole. */
  stepTimeoutMs?: number;
  /** Token budget for earlier turns sent to the model (estimated at four characters a token). */
  historyTokens?: number;
}

export function createLlmAgent(options: LlmOptions): ChatAgent {
  const provider = createOpenAICompatible({
    name: "llm",
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    fetch: retryOnceWhenUnavailable,
  });
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
      const toolCalls: ToolCallRecord[] = [];
      try {
        const definitions = await mcp.listTools().catch((error: unknown) => {
          throw new AgentError("tools_unavailable", error);
        });
        const tools = modelTools(
          mcp.toolsFromDefinitions({
            ...definitions,
            tools: definitions.tools.map((t) => ({
              ...t,
              inputSchema: modelInputSchema(t.inputSchema) as typeof t.inputSchema,
            })),
          }),
        );
        const result = streamText({
          model: provider.chatModel(options.model),
          system: systemPrompt(input.now, input.timeZone),
          messages: buildModelMessages(input.history, input.message, options.historyTokens ?? 4000),
          tools,
          stopWhen: stepCountIs(options.maxSteps ?? 6),
          abortSignal: input.signal,
          ...(options.stepTimeoutMs ? { timeout: { stepMs: options.stepTimeoutMs } } : {}),
          // Retries are the provider fetch's (one, for an unreachable or 5xx endpoint): the SDK's would
          // also sleep out a 429's Retry-After, holding the user's request for up to a minute.
          maxRetries: 0,
          // Errors arrive as `error` parts below and the api logs them; the SDK's default prints to stderr.
          onError: () => {},
        });
        let text = "";
        let filtered = false;
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
          } else if (part.type === "finish-step" && part.finishReason === "content-filter") {
            filtered = true;
          } else if (part.type === "error") {
            throw part.error;
          } else if (part.type === "abort") {
            throw new AgentError("timeout");
          }
        }
        if (!text.trim()) throw new AgentError(filtered ? "llm_refused" : "llm_invalid");
        return { response: text.trim(), toolCalls };
      } catch (error) {
        const failure = classifyError(error, input.signal);
        failure.toolCalls = toolCalls;
        throw failure;
      } finally {
        await mcp.close().catch(() => {});
      }
    },
  };
}

/**
 * The MCP tools with the model's view of their results: the structured result as plain JSON (serialised
 * once into the `tool` message), an error as its text — not the MCP envelope, whose text part would
 * reach the model as JSON escaped inside JSON.
 */
function modelTools(tools: ToolSet): ToolSet {
  return Object.fromEntries(
    Object.entries(tools).map(([name, tool]) => [
      name,
      {
        ...tool,
        toModelOutput: ({ output }: { output: unknown }) => {
          const call = toRecord(name, {}, output, false);
          return toolOutput(call);
        },
      },
    ]),
  ) as ToolSet;
}

/** One more attempt when the endpoint cannot be reached or answers 5xx; anything else is final. */
const retryOnceWhenUnavailable: typeof fetch = async (url, init) => {
  const retryable = (status: number) => status >= 500 || status === 408;
  try {
    const response = await fetch(url, init);
    if (!retryable(response.status) || init?.signal?.aborted) return response;
    await response.body?.cancel().catch(() => {});
  } catch (error) {
    if (init?.signal?.aborted) throw error;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
  return fetch(url, init);
};

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
