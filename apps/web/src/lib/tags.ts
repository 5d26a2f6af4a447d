// Mirrors the tag rule in @taskflow/contracts (fields.ts) without pulling the schema into the bundle.
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}$/u;

/** "Work, #home  errands" → ["work", "home", "errands"]. */
export function parseTags(input: string): string[] {
  const tags = input
    .split(/[\s,]+/)
    .map((tag) => tag.replace(/^#+/, "").trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

export function invalidTags(tags: string[]): string[] {
  return tags.filter((tag) => !TAG.test(tag));
}

export function tagsError(input: string): string | null {
  const tags = parseTags(input);
  const bad = invalidTags(tags);
  if (bad.length > 0) return `“${bad[0]}” is not a valid tag: use letters, digits, “-” or “_” (up to 32).`;
  if (tags.length > 20) return "At most 20 tags.";
  return null;
}
