// The stored conversation as the model must see it: each earlier turn with its tool calls and their
// results, in the message sequence every OpenAI-compatible server accepts — user, assistant(tool_calls),
// one tool message per call (matching ids), assistant(text) — trimmed to a token budget by whole turns.
import type { ModelMessage } from "ai";
import type { HistoryEntry, ToolCallRecord } from "./types";

/** A rough count that errs on the safe side for English and JSON: about four characters a token. */
export const estimateTokens = (value: unknown): number =>
  Math.ceil((typeof value === "string" ? value : JSON.stringify(value)).length / 4);

/**
 * Earlier turns (oldest first) then the new user message. Turns are dropped oldest first until the
 * history fits `budgetTokens`; a turn is never split, so a tool call never loses its result.
 */
export function buildModelMessages(
  history: HistoryEntry[],
  message: string,
  budgetTokens: number,
): ModelMessage[] {
  const turns = toTurns(history);
  let ids = 0;
  // Ids are nine letters and digits: Mistral's templates (vLLM) refuse any other tool call id.
  const nextId = () => `c${String(++ids).padStart(8, "0")}`;
  const rendered = turns.map((turn) => renderTurn(turn, nextId));
  const kept: ModelMessage[][] = [];
  let used = 0;
  for (let i = rendered.length - 1; i >= 0; i--) {
    const turn = rendered[i] ?? [];
    const cost = estimateTokens(turn);
    if (used + cost > budgetTokens) break;
    used += cost;
    kept.unshift(turn);
  }
  return [...kept.flat(), { role: "user", content: message }];
}

interface Turn {
  user: string;
  replies: HistoryEntry[];
}

/**
 * Groups messages into user → reply turns. A turn with no reply (stored before failed turns kept an
 * assistant message) is skipped: two user messages in a row are refused by templates that require
 * alternation, and nobody knows what the unanswered one did. Replies before any user message (the
 * stored window began mid-turn) are skipped too.
 */
function toTurns(history: HistoryEntry[]): Turn[] {
  const turns: Turn[] = [];
  let current: Turn | undefined;
  for (const entry of history) {
    if (entry.role === "user") {
      if (current && current.replies.length > 0) turns.push(current);
      current = { user: entry.content, replies: [] };
    } else if (current) {
      current.replies.push(entry);
    }
  }
  if (current && current.replies.length > 0) turns.push(current);
  return turns;
}

function renderTurn(turn: Turn, nextId: () => string): ModelMessage[] {
  const out: ModelMessage[] = [{ role: "user", content: turn.user }];
  const texts: string[] = [];
  for (const reply of turn.replies) {
    const calls = (reply.toolCalls ?? []).map((call) => ({ call, id: nextId() }));
    if (calls.length > 0) {
      out.push({
        role: "assistant",
        content: calls.map(({ call, id }) => ({
          type: "tool-call" as const,
          toolCallId: id,
          toolName: call.tool,
          input: call.arguments,
        })),
      });
      out.push({
        role: "tool",
        content: calls.map(({ call, id }) => ({
          type: "tool-result" as const,
          toolCallId: id,
          toolName: call.tool,
          output: toolOutput(call),
        })),
      });
    }
    if (reply.content.trim()) texts.push(reply.content);
  }
  // One closing assistant text, so the next turn's user message follows an assistant message.
  out.push({ role: "assistant", content: texts.join("\n\n") || "(no reply)" });
  return out;
}

/** The result as the model first saw it: structured results once-serialised JSON, errors as text. */
export function toolOutput(call: Pick<ToolCallRecord, "result" | "is_error">) {
  if (call.is_error)
    return {
      type: "error-text" as const,
      value: typeof call.result === "string" ? call.result : JSON.stringify(call.result),
    };
  if (typeof call.result === "string") return { type: "text" as const, value: call.result };
  return { type: "json" as const, value: (call.result ?? null) as never };
}
