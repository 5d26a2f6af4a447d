// Maps what the AI SDK and the provider report to the failure the user is told about. Classes, not
// providers: OpenAI, vLLM, Ollama, LM Studio and Gemini's compatible endpoint word these differently
// but agree on the status codes and, mostly, on the `code`/`type` of the error body.
import { APICallError, RetryError } from "ai";
import { AgentError } from "./agent-error";

const POLICY = /content[_ -]?(policy|filter|management)|safety|moderation|flagged|responsible ?ai/i;
const MODEL_MISSING =
  /model_not_found|model[^.]{0,80}(does not exist|not found|not exist|unknown)|unknown model|no such model/i;

export function classifyError(error: unknown, signal: AbortSignal): AgentError {
  if (error instanceof AgentError) return error;
  if (signal.aborted) return new AgentError("timeout", error);
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(cause)) return classifyHttp(cause, error);
  const name = (cause as { name?: string })?.name ?? "";
  if (/Abort|Timeout/.test(name)) return new AgentError("timeout", error);
  if (/Fetch|Connect|Retry/.test(name) || hasNetworkCode(cause))
    return new AgentError("llm_unavailable", error);
  if (
    /NoSuchTool|InvalidToolInput|ToolCallRepair|JSONParse|TypeValidation|NoOutput|InvalidResponse/.test(name)
  )
    return new AgentError("llm_invalid", error);
  // What is left arrived inside a 200 response: an `error` chunk the provider sent mid-stream.
  return new AgentError(POLICY.test(textOf(cause)) ? "llm_refused" : "llm_stream_failed", error);
}

function classifyHttp(error: APICallError, wrapper: unknown): AgentError {
  const status = error.statusCode;
  const body = `${error.responseBody ?? ""} ${error.message}`;
  if (status === 429)
    return new AgentError("llm_rate_limited", wrapper, {
      retryAfterSeconds: retryAfter(error.responseHeaders),
    });
  if (status === 401) return new AgentError("llm_auth", wrapper);
  if ((status === 400 || status === 403 || status === 422) && POLICY.test(body))
    return new AgentError("llm_refused", wrapper);
  if (status === 403) return new AgentError("llm_auth", wrapper);
  if (status === 404 || MODEL_MISSING.test(body)) return new AgentError("llm_model_not_found", wrapper);
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 409)
    return new AgentError("llm_rejected", wrapper);
  return new AgentError("llm_unavailable", wrapper);
}

/** Seconds to wait, from `retry-after-ms`, `retry-after` (seconds or an HTTP date); undefined if absent. */
export function retryAfter(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number.parseFloat(lower["retry-after-ms"] ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.max(1, Math.ceil(ms / 1000));
  const value = lower["retry-after"]?.trim();
  if (!value) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value)
    ? Number.parseFloat(value)
    : (Date.parse(value) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(Math.max(1, Math.ceil(seconds)), 86_400);
}

function hasNetworkCode(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  )
    if (/^(ECONN|ENOTFOUND|EAI_|ETIMEDOUT|EPIPE|UND_ERR)/.test(String((e as { code?: unknown }).code ?? "")))
      return true;
  return false;
}

function textOf(error: unknown): string {
  if (typeof error === "string") return error;
  if (!error || typeof error !== "object") return "";
  const e = error as { message?: unknown; code?: unknown; type?: unknown };
  return [e.message, e.code, e.type].filter((v) => typeof v === "string").join(" ");
}
