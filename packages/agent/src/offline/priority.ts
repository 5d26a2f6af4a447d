import { tidy } from "./normalise.js";
import type { Priority } from "./types.js";

const LEVEL_WORDS: Record<string, Priority> = {
  high: "high",
  higher: "high",
  highest: "high",
  top: "high",
  urgent: "high",
  critical: "high",
  important: "high",
  max: "high",
  maximum: "high",
  medium: "medium",
  mid: "medium",
  middle: "medium",
  normal: "medium",
  moderate: "medium",
  average: "medium",
  standard: "medium",
  low: "low",
  lower: "low",
  lowest: "low",
  minor: "low",
  none: "none",
  no: "none",
  zero: "none",
};

const P_CODES: Record<string, Priority> = { p0: "high", p1: "high", p2: "medium", p3: "low", p4: "none" };

const LEVELS = Object.keys(LEVEL_WORDS).join("|");

/** Ordered: the more specific phrasings come first so "not urgent" never reads as "urgent". */
const BANG_CODES: Record<string, Priority> = { "1": "high", "2": "medium", "3": "low" };

const PATTERNS: ReadonlyArray<{ re: RegExp; level: (m: RegExpExecArray) => Priority | undefined }> = [
  // Quick-add marks: "!high", "!low", "!1".."!3" (the same scale as p1..p3).
  {
    re: new RegExp(`(?<!!)!(${LEVELS}|[1-3])\\b`, "i"),
    level: (m) => {
      const w = (m[1] ?? "").toLowerCase();
      return LEVEL_WORDS[w] ?? BANG_CODES[w];
    },
  },
  {
    re: /\b(?:it(?:'s| is)\s+)?(?:(?:not|less)\s+(?:very\s+|that\s+|too\s+|so\s+)?(?:urgent|important|a\s+priority)|unimportant|no\s+rush|whenever|someday|low[- ]?key)\b/i,
    level: () => "low",
  },
  {
    re: new RegExp(
      `\\b(?:(?:with|at|as|to|of)\\s+)?(?:a\\s+|an\\s+|the\\s+)?(?:very\\s+|super\\s+|really\\s+)?(${LEVELS})[- ]?(?:priority|prio|pri|importance)\\b`,
      "i",
    ),
    level: (m) => LEVEL_WORDS[(m[1] ?? "").toLowerCase()],
  },
  {
    re: new RegExp(
      `\\b(?:(?:with|at)\\s+)?(?:a\\s+|the\\s+)?(?:priority|prio)(?:\\s+level)?\\s*(?:of|to|is|as|=|:)?\\s*(?:to\\s+)?(?:be\\s+)?(${LEVELS}|p[0-4])\\b`,
      "i",
    ),
    level: (m) => {
      const w = (m[1] ?? "").toLowerCase();
      return LEVEL_WORDS[w] ?? P_CODES[w];
    },
  },
  { re: /\b(p[0-4])\b/i, level: (m) => P_CODES[(m[1] ?? "").toLowerCase()] },
  {
    re: /\b(?:it(?:'s| is)\s+)?(?:(?:very|super|really)\s+)?(?:urgent(?:ly)?|asap|a\.s\.a\.p|critical|crucial|important|top\s+priority|high\s+importance)\b|!!+/i,
    level: () => "high",
  },
];

export interface PriorityFound {
  priority: Priority;
  rest: string;
}

export function extractPriority(text: string): PriorityFound | undefined {
  for (const { re, level } of PATTERNS) {
    const m = re.exec(text);
    if (m === null) continue;
    const priority = level(m);
    if (priority === undefined) continue;
    return { priority, rest: tidy(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`) };
  }
  return undefined;
}

/** A bare level word such as "high" or "urgent" (used for "change task 3 to high"). */
export function levelWord(text: string): Priority | undefined {
  const w = text.trim().toLowerCase();
  return LEVEL_WORDS[w] ?? P_CODES[w];
}

/** Any level word inside a text that talks about priority ("set the priority of task 3 to low"). */
export function levelMentioned(text: string): Priority | undefined {
  const m = new RegExp(`\\b(${LEVELS}|p[0-4])\\b`, "i").exec(text.replace(/\bpriority\b/gi, " "));
  return m?.[1] === undefined ? undefined : levelWord(m[1]);
}
