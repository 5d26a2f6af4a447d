import { z } from "zod";
import { MESSAGE_ROLES } from "./enums";
import { textInput, timeZoneSchema } from "./fields";
import { problemSchema } from "./problem";

/**
 * The client's id for one turn (a UUID, say). Sending a turn again with the same id returns what the first
 * request stored instead of running it again, so a retry after a lost answer never repeats a change.
 * Also accepted as the `Idempotency-Key` header.
 */
export const clientTurnIdSchema = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(/^[A-Za-z0-9._:-]+$/, "may contain only letters, digits and . _ : -")
  .describe(
    "Client-chosen id of this turn (e.g. a UUID); a retry with the same id returns the stored result",
  );

export const chatRequestBody = z.strictObject({
  conversation_id: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  message: textInput().trim().min(1, "must not be empty").max(4000, "must be at most 4000 characters"),
  client_turn_id: clientTurnIdSchema.optional(),
  time_zone: timeZoneSchema
    .optional()
    .describe("IANA zone to read this turn's dates in (default: the user's time_zone from /api/me)"),
});

/** The JSON a client sends to POST /api/chat. */
export type ChatRequest = z.input<typeof chatRequestBody>;

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

/**
 * A failed turn: the problem names the conversation that holds it, the tool calls that did run before
 * the failure (their changes stand: `detail` says what was done), and, when the model provider is
 * rate-limiting, how many seconds to wait (also the Retry-After header).
 */
export const chatProblemSchema = problemSchema
  .extend({
    conversation_id: z.number().int().optional(),
    tool_calls: z.array(toolCallSchema).optional(),
    retry_after: z.number().int().optional(),
  })
  .meta({ id: "ChatProblem" });
export type ChatProblem = z.infer<typeof chatProblemSchema>;

export const conversationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
/** GET /api/conversations, most recent first. */
export const conversationListSchema = z.object({ items: z.array(conversationSchema) });
export type ConversationList = z.infer<typeof conversationListSchema>;
export const messageSchema = z.object({
  id: z.number().int(),
  role: z.enum(MESSAGE_ROLES),
  content: z.string(),
  tool_calls: z.array(toolCallSchema),
  created_at: z.string(),
});
/** One page of a conversation's messages: the newest first page, oldest first within a page. */
export const conversationDetailSchema = conversationSchema.extend({
  messages: z.array(messageSchema),
  next_before: z
    .number()
    .int()
    .nullable()
    .describe("Pass as `before` to get the page of older messages; null when there are none"),
});
/** Messages in one page of a conversation: by default, and at most. */
export const MESSAGE_PAGE_DEFAULT = 50;
export const MESSAGE_PAGE_MAX = 200;

export const conversationMessagesQuery = z.strictObject({
  before: z.coerce
    .number({ error: "must be a message id" })
    .int("must be a message id")
    .positive("must be a message id")
    .max(2_147_483_647, "must be a message id")
    .optional()
    .describe("Only messages older than this message id (the `next_before` of the previous page)"),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MESSAGE_PAGE_MAX, `must be at most ${MESSAGE_PAGE_MAX}`)
    .default(MESSAGE_PAGE_DEFAULT)
    .describe(`Messages per page (default ${MESSAGE_PAGE_DEFAULT}, at most ${MESSAGE_PAGE_MAX})`),
});
export type Conversation = z.infer<typeof conversationSchema>;
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

/**
 * The server-sent events of a streamed turn (`Accept: text/event-stream`), in order:
 * `start` (the conversation is known) · `text` (0..n deltas of the reply) · `tool_call` (0..n, as each
 * finishes) · then `done` (the whole turn, authoritative) or `error` (the turn failed; the problem names
 * the conversation that holds it). `event` is the SSE event name, `data` its JSON.
 */
export const chatStreamEventSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("start"), data: z.object({ conversation_id: z.number().int() }) }),
  z.object({ event: z.literal("text"), data: z.object({ delta: z.string() }) }),
  z.object({ event: z.literal("tool_call"), data: toolCallSchema }),
  z.object({ event: z.literal("done"), data: chatResponseSchema }),
  z.object({ event: z.literal("error"), data: chatProblemSchema }),
]);
/** A streamed event as the web reads it. */
export type ChatStreamEvent = z.infer<typeof chatStreamEventSchema>;
/** A streamed event as the api writes it (defaults, such as a problem's `type`, may be left out). */
export type ChatStreamEventInput = z.input<typeof chatStreamEventSchema>;
export type ChatStreamEventName = ChatStreamEvent["event"];

/** The SSE event names of a streamed turn, in the order they can come. */
export const CHAT_EVENTS: readonly ChatStreamEventName[] = chatStreamEventSchema.options.map(
  (option) => option.shape.event.value,
);
