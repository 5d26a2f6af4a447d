import type { ToolCallRecord } from "./types";

/**
 * Why a turn could not finish; the api turns each into a clear message and status. The message says who
 * can fix it: the user (wait, retry) for passing trouble, the administrator for configuration the
 * provider refuses, since retrying those can never help.
 */
export type AgentFailure =
  | "tools_unavailable"
  | "llm_unavailable"
  | "llm_rate_limited"
  | "llm_auth"
  | "llm_model_not_found"
  | "llm_refused"
  | "llm_rejected"
  | "llm_stream_failed"
  | "llm_invalid"
  | "timeout";

export const AGENT_FAILURES: readonly AgentFailure[] = [
  "tools_unavailable",
  "llm_unavailable",
  "llm_rate_limited",
  "llm_auth",
  "llm_model_not_found",
  "llm_refused",
  "llm_rejected",
  "llm_stream_failed",
  "llm_invalid",
  "timeout",
];

function messageOf(failure: AgentFailure, retryAfterSeconds: number | undefined): string {
  switch (failure) {
    case "tools_unavailable":
      return "The task tools are unavailable right now, so I can't read or change your tasks. Please try again in a moment — the board still works.";
    case "llm_unavailable":
      return "The AI model could not be reached right now. Please try again in a moment.";
    case "llm_rate_limited":
      return retryAfterSeconds !== undefined
        ? `The AI provider is limiting how often the assistant may ask it. Please try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`
        : "The AI provider is limiting how often the assistant may ask it. Please try again in a minute.";
    case "llm_auth":
      return "The assistant's API key was refused by the AI provider — the administrator must set a valid OPENAI_API_KEY. Trying again will not help until then.";
    case "llm_model_not_found":
      return "The AI provider does not serve the model the assistant is configured with — the administrator must set OPENAI_MODEL to a model it offers. Trying again will not help until then.";
    case "llm_refused":
      return "The AI provider refused this request under its content policy. The administrator can review the provider's policy settings for this model (OPENAI_MODEL).";
    case "llm_rejected":
      return "The AI provider rejected the assistant's request as invalid — the administrator should check OPENAI_BASE_URL and OPENAI_MODEL. Trying again will not help until then.";
    case "llm_stream_failed":
      return "The AI provider reported an error while answering and stopped. Please try again in a moment.";
    case "llm_invalid":
      return "The AI model sent a reply I could not use. Please try again; if it keeps happening, the administrator should check the model (OPENAI_MODEL).";
    case "timeout":
      return "That took too long, so I stopped. Please try again.";
  }
}

export class AgentError extends Error {
  /** Tool calls that ran before the turn failed: their changes stand and must be reported. */
  toolCalls: ToolCallRecord[] = [];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly failure: AgentFailure,
    override readonly cause?: unknown,
    options: { retryAfterSeconds?: number | undefined } = {},
  ) {
    super(messageOf(failure, options.retryAfterSeconds));
    this.name = "AgentError";
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * What may be logged about a failure: names, status codes and the URL without its query string. Provider
 * errors carry the whole request (every message of the conversation) and response bodies; none of that
 * may reach a log line.
 */
export function failureLogFields(error: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (error instanceof AgentError) {
    fields.failure = error.failure;
    if (error.retryAfterSeconds !== undefined) fields.retryAfterSeconds = error.retryAfterSeconds;
    if (error.toolCalls.length > 0) fields.toolCallsDone = error.toolCalls.length;
  }
  const causes: Record<string, unknown>[] = [];
  let cause: unknown = error instanceof AgentError ? error.cause : error;
  for (let depth = 0; cause !== undefined && cause !== null && depth < 4; depth++) {
    causes.push(describeCause(cause));
    cause =
      typeof cause === "object"
        ? ((cause as { cause?: unknown; lastError?: unknown }).lastError ??
          (cause as { cause?: unknown }).cause)
        : undefined;
  }
  if (causes.length > 0) fields.cause = causes;
  return fields;
}

function describeCause(cause: unknown): Record<string, unknown> {
  if (typeof cause !== "object" || cause === null) return { type: typeof cause };
  const c = cause as {
    name?: unknown;
    statusCode?: unknown;
    status?: unknown;
    url?: unknown;
    code?: unknown;
    type?: unknown;
  };
  const out: Record<string, unknown> = {};
  if (typeof c.name === "string") out.name = c.name.slice(0, 80);
  const status =
    typeof c.statusCode === "number" ? c.statusCode : typeof c.status === "number" ? c.status : undefined;
  if (status !== undefined) out.status = status;
  if (typeof c.url === "string") out.url = c.url.split("?")[0]?.slice(0, 300);
  // Short machine codes only (ECONNREFUSED, model_not_found); never free text, which may quote the prompt.
  for (const key of ["code", "type"] as const) {
    const value = c[key];
    if ((typeof value === "string" && /^[\w.-]{1,60}$/.test(value)) || typeof value === "number")
      out[key] = value;
  }
  return out;
}
