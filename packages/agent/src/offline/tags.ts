import { tidy } from "./normalise.js";

export interface TagsFound {
  tags: string[];
  rest: string;
}

const HASH_TAG = /(^|[\s,(])#([\p{L}\p{N}_-]*[\p{L}_-][\p{L}\p{N}_-]*)/gu;
const TAG_WORD = "#?[\\p{L}\\p{N}_-]+";
/** Words that end a tag list because they start another detail: "tag: books, due Feb 3". */
const NOT_A_LATER_TAG =
  "(?!(?:due|by|before|on|at|for|priority|prio|high|low|medium|urgent|important|asap|today|tomorrow|tonight|next|this|p[0-4])\\b)";
const TAG_LIST = `${TAG_WORD}(?:\\s*(?:,|\\band\\b|&|\\+)\\s*${NOT_A_LATER_TAG}${TAG_WORD})*`;
const TAG_PHRASE = new RegExp(
  `\\b(?:tagged|tag\\s+it|label(?:l)?ed|label\\s+it|(?:with|by|ha(?:ve|s|ving)|carry(?:ing)?)\\s+(?:the\\s+)?(?:tags?|labels?)\\b|under\\s+(?:the\\s+)?(?:tag|label)|tags?\\s*:|labels?\\s*:|(?<=,\\s?)(?:tag|label)\\b(?!\\s+(?:task|item|#?\\d)))\\s*(?:as|with)?\\s*(${TAG_LIST})`,
  "iu",
);

function splitTags(list: string): string[] {
  return list
    .split(/\s*(?:,|\band\b|&|\+)\s*/i)
    .map((t) => t.replace(/^#/, "").trim().toLowerCase())
    .filter((t) => t.length > 0);
}

function unique(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

/** "with the work tag", "under the errands label": the tag named before the word "tag". */
const TAG_BEFORE_WORD =
  /\b(?:with|under|in|using)\s+(?:the\s+|my\s+|a\s+)?#?([\p{L}\p{N}_-]+)\s+(?:tag|label)s?\b/iu;

/** Pulls `#tags` and "tagged X" phrases out of a text. Numeric `#12` is a task number, not a tag. */
export function extractTags(text: string): TagsFound {
  const tags: string[] = [];
  let rest = text;
  const phrase = TAG_PHRASE.exec(rest);
  if (phrase?.[1] !== undefined) {
    tags.push(...splitTags(phrase[1]));
    rest = `${rest.slice(0, phrase.index)} ${rest.slice(phrase.index + phrase[0].length)}`;
  } else {
    const before = TAG_BEFORE_WORD.exec(rest);
    if (before?.[1] !== undefined) {
      tags.push(before[1].toLowerCase());
      rest = `${rest.slice(0, before.index)} ${rest.slice(before.index + before[0].length)}`;
    }
  }
  rest = rest.replace(HASH_TAG, (_m, lead: string, tag: string) => {
    tags.push(tag.toLowerCase());
    return lead;
  });
  return { tags: unique(tags), rest: tidy(rest) };
}

export function parseTagList(list: string): string[] {
  return unique(splitTags(list));
}
