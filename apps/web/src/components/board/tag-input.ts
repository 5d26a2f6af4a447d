// What a person types into a tags field ("Work, #home  errands"), read into the tags the api takes.
// Whether a tag is valid is the contract's rule (tagSchema, tagsSchema), checked here before sending.
import { TAG_MAX_LENGTH, TAGS_MAX, tagSchema, tagsSchema } from "@taskflow/contracts";

/** "Work, #home  errands" → ["work", "home", "errands"]: split on spaces and commas, no '#', no repeats. */
export function parseTags(input: string): string[] {
  const tags = input
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^#+/, "").trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Why the typed tags would be refused, in words for the person typing; null when they are fine. */
export function tagsError(input: string): string | null {
  const tags = parseTags(input);
  const bad = tags.find((tag) => !tagSchema.safeParse(tag).success);
  if (bad !== undefined)
    return `“${bad}” is not a valid tag: use letters, digits, “-” or “_” (up to ${TAG_MAX_LENGTH}).`;
  if (!tagsSchema.safeParse(tags).success) return `At most ${TAGS_MAX} tags.`;
  return null;
}
