import { z } from "zod";
import { TASK_PRIORITIES } from "./enums";

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

/** The longest title, in characters (after trimming). */
export const TITLE_MAX_LENGTH = 200;
/** The longest description, in characters. */
export const DESCRIPTION_MAX_LENGTH = 2000;

export const titleSchema = textInput()
  .trim()
  .min(1, "must not be empty")
  .max(TITLE_MAX_LENGTH, `must be at most ${TITLE_MAX_LENGTH} characters`)
  .describe(`Short title of the task, 1–${TITLE_MAX_LENGTH} characters`);
export const descriptionSchema = textInput()
  .max(DESCRIPTION_MAX_LENGTH, `must be at most ${DESCRIPTION_MAX_LENGTH} characters`)
  .describe(`Longer notes, up to ${DESCRIPTION_MAX_LENGTH} characters`);

/** The longest tag, in characters. */
export const TAG_MAX_LENGTH = 32;
/** The most tags one task can carry. */
export const TAGS_MAX = 20;
/** A tag (already trimmed and lower-cased): a letter or digit, then letters, digits, '-' or '_'. */
export const TAG_PATTERN = new RegExp(`^[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,${TAG_MAX_LENGTH - 1}}$`, "u");

export const tagSchema = textInput()
  .trim()
  .toLowerCase()
  .regex(TAG_PATTERN, `tags are 1–${TAG_MAX_LENGTH} letters, digits, '-' or '_'`)
  .describe("A label such as 'work' (no '#')");
export const tagsSchema = z
  .array(tagSchema, { error: "must be an array of strings" })
  .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
  .transform((tags) => [...new Set(tags)])
  .describe("Labels for grouping and filtering");

/**
 * A date or time as a person gave it, kept in its kind so the user's zone can be applied where it is
 * known (in SQL, from the user's `time_zone`):
 * - `day`: `YYYY-MM-DD`, a calendar day (an all-day due), the same day for every viewer;
 * - `wall`: `YYYY-MM-DDTHH:MM[:SS]` without offset, a wall-clock time in the user's zone;
 * - `instant`: a date-time with `Z` or an offset.
 */
export type DateInput =
  | { kind: "day"; value: string }
  | { kind: "wall"; value: string }
  | { kind: "instant"; value: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Is this a real calendar day (no Feb 30) within the years we accept? */
function realDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses an ISO-8601 date, wall time or instant; null when it is not one or names no real day or time. */
export function parseDateInput(value: string): DateInput | null {
  const day = DATE_ONLY.exec(value);
  if (day) return realDay(Number(day[1]), Number(day[2]), Number(day[3])) ? { kind: "day", value } : null;
  const time = DATE_TIME.exec(value);
  if (!time) return null;
  const [, y, mo, d, h, mi, sec, fraction, offset] = time;
  if (!realDay(Number(y), Number(mo), Number(d))) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59) return null;
  const wall = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? "00"}${fraction ?? ""}`;
  if (!offset) return { kind: "wall", value: wall };
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : { kind: "instant", value: instant.toISOString() };
}

export const dateInputSchema = textInput("must be an ISO-8601 date or date-time")
  .refine(
    (value) => parseDateInput(value) !== null,
    "must be an ISO-8601 date (2026-01-31) or date-time (2026-01-31T09:30, in your time zone unless it has an offset)",
  )
  .transform((value) => parseDateInput(value) as DateInput);

/** An IANA time zone name this server knows (e.g. America/Los_Angeles). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = textInput()
  .refine(isTimeZone, "must be an IANA time zone such as Europe/Paris or America/Los_Angeles")
  .describe("IANA time zone, e.g. America/Los_Angeles");
