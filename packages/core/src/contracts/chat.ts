import { z } from "zod";
import { textInput } from "./fields";
import { problemSchema } from "./problem";

export const chatRequestBody = z.strictObject({
  conversation_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  message: textInput().trim().min(1, "must not be empty").max(4000, "must be at most 4000 characters"),
});

export const toolCallSchema = z.object({
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
  result: z.unknown(),
  is_error: z.boolean().optional(),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export const chatResponseSchema = z.object({
  conversation_id: z.number().int(),
  response: z.string(),
  tool_calls: z.array(toolCallSchema),
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

/** A failed turn: the problem names the conversation that holds the stored user message. */
export const chatProblemSchema = problemSchema
  .extend({ conversation_id: z.number().int().optional() })
  .meta({ id: "ChatProblem" });
export type ChatProblem = z.infer<typeof chatProblemSchema>;

export const conversationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export const messageSchema = z.object({
  id: z.number().int(),
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  tool_calls: z.array(toolCallSchema),
  created_at: z.string(),
});
export const conversationDetailSchema = conversationSchema.extend({ messages: z.array(messageSchema) });
export type Conversation = z.infer<typeof conversationSchema>;
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

/**
 * Server-sent events of a streamed turn (`Accept: text/event-stream`), in order:
 * `start` {conversation_id} · `text` {delta} (0..n) · `tool_call` ToolCall (0..n, as each finishes) ·
 * then `done` ChatResponse, or `error` {status, title, detail, conversation_id}.
 */
export const CHAT_EVENTS = ["start", "text", "tool_call", "done", "error"] as const;
