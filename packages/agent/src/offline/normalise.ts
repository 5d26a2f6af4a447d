/**
 * First pipeline stage: canonical quotes and spacing, quoted text lifted out into
 * placeholders (so nothing later date-parses or strips words inside it), politeness trimmed.
 */
import { PLEASE } from "./lexicon.js";
export interface Normalised {
  /** The message with each quoted span replaced by a placeholder such as `⟦a⟧`. */
  text: string;
  quotes: string[];
}

const PLACEHOLDER = /⟦([a-z])⟧/g;

export function placeholder(index: number): string {
  return `⟦${String.fromCharCode(97 + index)}⟧`;
}

export function restoreQuotes(text: string, quotes: readonly string[]): string {
  return text.replace(PLACEHOLDER, (_m, letter: string) => quotes[letter.charCodeAt(0) - 97] ?? "");
}

/** The quote a text consists of (after trimming stray punctuation), if it is exactly one placeholder. */
export function wholeQuote(text: string, quotes: readonly string[]): string | undefined {
  const m = /^[\s:,.-]*⟦([a-z])⟧[\s:,.!?-]*$/.exec(text);
  return m?.[1] === undefined ? undefined : quotes[m[1].charCodeAt(0) - 97];
}

export function firstQuote(
  text: string,
  quotes: readonly string[],
): { quote: string; rest: string } | undefined {
  const m = /⟦([a-z])⟧/.exec(text);
  const quote = m?.[1] === undefined ? undefined : quotes[m[1].charCodeAt(0) - 97];
  if (m === null || quote === undefined) return undefined;
  return { quote, rest: tidy(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`) };
}

export function hasQuote(text: string): boolean {
  return /⟦[a-z]⟧/.test(text);
}

/** Collapses spaces and trims dangling separators left behind by removals. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/,(?:\s*,)+/g, ",")
    .replace(/\(\s*\)|\[\s*\]/g, " ")
    .replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/g, "")
    .trim();
}

const LEADING_FILLER = new RegExp(
  `^(?:(?:(?:hi|hey|hello)\\s+there|good\\s+(?:morning|afternoon|evening)|${PLEASE}|plz|kindly|actually|oops|wait|sorry|hey|hi|hello|ok|okay|so|um+|uh+|yo|oh|well|now|and|also|then|alright|right|h+m+|yep|yeah|yes|sure|cool|great|nice|ah|erm?|(?:real|really|super)\\s+quick|quick\\s+one|one\\s+more(?:\\s+thing)?|btw|by\\s+the\\s+way)\\b[,!.:]?\\s+|(?:can|could|would|will)\\s+(?:you|u)\\s+(?:please\\s+|pls\\s+)?|(?:i\\s+want|i'd\\s+like|i\\s+would\\s+like)\\s+you\\s+to\\s+|help\\s+me\\s+)`,
  "i",
);
const TRAILING_FILLER = new RegExp(
  `(?:[,\\s]+(?:${PLEASE}|plz|thanks|thank\\s+you|thx|ty|for\\s+me|now|thank\\s+u|cheers))+$`,
  "i",
);

export function normalise(message: string): Normalised {
  let text = message
    .replace(/[\u2018\u2019\u201A\u201B\u2032`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
    .replace(/[\u00A0\t\r\n]+/g, " ")
    .replace(/⟦|⟧/g, "")
    .trim();
  const quotes: string[] = [];
  const lift = (_m: string, lead: string, inner: string): string => {
    quotes.push(inner.trim());
    return `${lead}${placeholder(quotes.length - 1)}`;
  };
  // "tagged 'work'": a quoted single word after a tag word is the tag itself, not a title.
  text = text.replace(
    /\b(tagged|tag|labell?ed|label)(\s+(?:as\s+|with\s+)?)(["'])([\p{L}\p{N}_-]+)\3(?=$|[\s.,!?;:)])/giu,
    "$1$2$4",
  );
  text = text.replace(/(^|[^\w])"([^"]+)"/g, lift);
  // A single quote opens only after a non-word char and closes only before one, so
  // apostrophes ("what's", "mom's") are never mistaken for quotes.
  text = text.replace(/(^|[\s(:,])'(\S(?:.*?\S)?)'(?=$|[\s.,!?;:)])/g, lift);

  text = text
    .replace(/\s+/g, " ")
    .replace(/[\s.!?…]+$/g, "")
    .trim();
  for (let i = 0; i < 4; i++) {
    const before = text;
    text = text
      .replace(LEADING_FILLER, "")
      .replace(TRAILING_FILLER, "")
      .replace(/[\s.!?,]+$/g, "")
      .trim();
    if (text === before) break;
  }
  return { text, quotes };
}
