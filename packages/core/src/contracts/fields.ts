import { TASK_PRIORITIES } from "@taskflow/db/schema";
import { z } from "zod";

export const prioritySchema = z.enum(TASK_PRIORITIES).describe("How important the task is");
export const taskIdSchema = z.coerce
  .number({ error: "must be a positive integer" })
  .int("must be a positive integer")
  .positive("must be a positive integer")
  .max(2_147_483_647, "is too large");

/** PostgreSQL text cannot hold U+0000; without this check such input would fail in the database. */
export const noNulCharacter = (value: string) => !value.includes("\u0000");
export const NUL_MESSAGE = "must not contain NUL (\\u0000) characters";

// With the u flag a surrogate pair is one code point, so this matches only a surrogate standing alone.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/**
 * A lone UTF-16 surrogate (`\ud800`) is not Unicode text: it has no UTF-8 form, so a text column would
 * silently store U+FFFD instead and a jsonb value (a chat turn's tool calls) refuses it with an error.
 */
export const wellFormedUnicode = (value: string) => !LONE_SURROGATE.test(value);
export const MALFORMED_TEXT_MESSAGE = "must be well-formed Unicode text (no lone surrogate such as \\ud800)";

/**
 * The start of every string field of every input — REST bodies and query strings, chat messages, token
 * names, MCP tool arguments: a string that PostgreSQL can store as it was sent (no NUL, no lone
 * surrogate). Build string inputs from this, never from `z.string()`, so none can miss the checks.
 */
export const textInput = (error = "must be a string") =>
  z.string({ error }).refine(noNulCharacter, NUL_MESSAGE).refine(wellFormedUnicode, MALFORMED_TEXT_MESSAGE);

/** Why a string fails `textInput`'s checks, or undefined (for inputs validated outside zod). */
export function malformedTextMessage(value: string): string | undefined {
  if (!noNulCharacter(value)) return NUL_MESSAGE;
  if (!wellFormedUnicode(value)) return MALFORMED_TEXT_MESSAGE;
  return undefined;
}

export const titleSchema = textInput()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .describe("Short title of the task, 1–200 characters");
export const descriptionSchema = textInput()
  .max(2000, "must be at most 2000 characters")
  .describe("Longer notes, up to 2000 characters");

const tagSchema = textInput()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}$/u, "tags are 1–32 letters, digits, '-' or '_'")
  .describe("A label such as 'work' (no '#')");
export const tagsSchema = z
  .array(tagSchema, { error: "must be an array of strings" })
  .max(20, "at most 20 tags")
  .transform((tags) => [...new Set(tags)])
  .describe("Labels for grouping and filtering");

/** Accepts `YYYY-MM-DD` (start of that day, UTC) or any ISO-8601 date-time with an offset. */
export const isoDateSchema = textInput("must be an ISO-8601 date or date-time")
  .refine((value) => parseIsoDate(value) !== null, "must be an ISO-8601 date (2026-01-31) or date-time")
  .transform((value) => parseIsoDate(value) as Date);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function parseIsoDate(value: string): Date | null {
  if (!DATE_ONLY.test(value) && !DATE_TIME.test(value)) return null;
  const date = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return null;
  // Reject rollovers such as 2026-02-31 that Date would silently turn into March.
  if (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value) return null;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 9999 ? date : null;
}
