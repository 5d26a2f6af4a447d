import { NUMBER_WORDS } from "@taskflow/contracts/number-words";
import { ORDINAL_WORDS, ORDINALS } from "./lexicon.js";
import { tidy } from "./normalise.js";
import type { KnownTask } from "./types.js";

export type Resolution =
  | { kind: "id"; id: number; task?: KnownTask }
  | { kind: "match"; task: KnownTask }
  | { kind: "ambiguous"; candidates: KnownTask[] }
  | { kind: "none"; phrase: string };

/** Spelled-out task numbers ("task nine"), only ever read after a word such as "task". */
export const NUMBER_WORD = `(?:${Object.keys(NUMBER_WORDS).join("|")})`;

const NUMBER_REF = new RegExp(
  `(?:\\b(?:task|item|todo|to-do|number|no\\.?|id|entry)\\s*(?:number\\s*|no\\.?\\s*)?#?\\s*|#)(\\d+|(?<=\\b(?:task|item|number)\\s)${NUMBER_WORD})\\b(?:'s)?`,
  "i",
);

export interface NumberRef {
  id: number;
  rest: string;
}

/** "task 3", "#12", "item no. 4": an explicit task id somewhere in the text. */
export function findTaskNumber(text: string): NumberRef | undefined {
  const m = NUMBER_REF.exec(text);
  if (m?.[1] === undefined) return undefined;
  return {
    id: NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]),
    rest: tidy(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`),
  };
}

const STOPWORDS = new Set(
  (
    "a an the my our your this that these those it its one ones task tasks todo todos item items thing stuff " +
    "to of for on in at with about from and or by as is are was be i me we you please pls just also " +
    "entry list reminder some up off out all again now"
  ).split(" "),
);

/** A deliberately small stemmer: enough that "buying" meets "buy" and "meetings" meets "meeting". */
const IRREGULAR: Record<string, string> = {
  bought: "buy",
  paid: "pay",
  went: "go",
  gone: "go",
  sent: "send",
  wrote: "write",
  written: "write",
  took: "take",
  taken: "take",
  got: "get",
  made: "make",
  met: "meet",
  ran: "run",
  brought: "bring",
  rang: "ring",
  gave: "give",
  given: "give",
  sold: "sell",
  fed: "feed",
  drove: "drive",
  spoke: "speak",
  told: "tell",
  caught: "catch",
  did: "do",
  done: "do",
  found: "find",
  built: "build",
  ate: "eat",
  swept: "sweep",
  kept: "keep",
};

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, "");
  const irregular = IRREGULAR[w];
  if (irregular !== undefined) return irregular;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz|ff)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function wordScore(ref: string, title: string): number {
  if (ref === title) return 1;
  const short = ref.length < title.length ? ref : title;
  const long = ref.length < title.length ? title : ref;
  if (short.length >= 4 && long.startsWith(short)) return 0.8;
  if (short.length >= 4 && editDistanceAtMostOne(ref, title)) return 0.7;
  return 0;
}

function normalisedTitle(text: string): string {
  return contentWords(text).join(" ");
}

/** A phrase read once (its stemmed words and normalised text) so it can be scored against many tasks. */
export interface ReadPhrase {
  words: string[];
  normalised: string;
}

export function readPhrase(phrase: string): ReadPhrase {
  const words = contentWords(phrase);
  return { words: words.map(stem), normalised: words.join(" ") };
}

export function scoreTask(phrase: string | ReadPhrase, task: KnownTask): number {
  const read = typeof phrase === "string" ? readPhrase(phrase) : phrase;
  const refWords = read.words;
  const titleWords = contentWords(task.title).map(stem);
  if (refWords.length === 0 || titleWords.length === 0) return 0;
  const used = new Set<number>();
  let score = 0;
  for (const ref of refWords) {
    let best = 0;
    let bestAt = -1;
    titleWords.forEach((t, at) => {
      const s = used.has(at) ? 0 : wordScore(ref, t);
      if (s > best) {
        best = s;
        bestAt = at;
      }
    });
    if (bestAt >= 0) used.add(bestAt);
    score += best;
  }
  if (score === 0) return 0;
  // Naming the whole title beats naming part of it: "cancel call mom" is Call mom, not Call dad.
  if (used.size === titleWords.length) score += 0.5;
  if (read.normalised === normalisedTitle(task.title)) score += 10;
  return score;
}

const ORDINAL_REF = new RegExp(`\\b(${ORDINAL_WORDS.join("|")}|\\d+(?:st|nd|rd|th)|last)\\b`, "i");

function ordinalIndex(phrase: string, count: number): number | undefined {
  const m = ORDINAL_REF.exec(phrase);
  const rest = contentWords(phrase.replace(m?.[0] ?? "", "")).filter((w) => w !== "last");
  if (m?.[1] === undefined || rest.length > 0) return undefined;
  const word = m[1].toLowerCase();
  return word === "last" ? count - 1 : (ORDINALS[word] ?? 0) - 1;
}

export type Preference = "pending" | "completed" | undefined;

/** Finds the one task a phrase names: by id, by list position, or by the words of its title. */
export function resolveTask(phrase: string, tasks: readonly KnownTask[], prefer?: Preference): Resolution {
  const numbered = findTaskNumber(phrase);
  const bare = /^\D*?(\d+)\D*$/.exec(phrase);
  const id =
    numbered?.id ??
    (bare?.[1] !== undefined && contentWords(phrase).every((w) => /^\d+$/.test(w))
      ? Number(bare[1])
      : undefined);
  if (id !== undefined) return { kind: "id", id, task: tasks.find((t) => t.id === id) };

  const position = ordinalIndex(phrase, tasks.length);
  if (position !== undefined) {
    const task = tasks[position];
    return task === undefined ? { kind: "none", phrase } : { kind: "match", task };
  }

  const read = readPhrase(phrase);
  const scored = tasks.map((task) => ({ task, score: scoreTask(read, task) })).filter((s) => s.score >= 0.7);
  if (scored.length === 0) return { kind: "none", phrase };
  const best = Math.max(...scored.map((s) => s.score));
  let top = scored.filter((s) => s.score >= best - 0.01).map((s) => s.task);
  if (top.length > 1 && prefer !== undefined) {
    const wanted = top.filter((t) => (prefer === "completed") === (t.completed === true));
    if (wanted.length >= 1) top = wanted;
  }
  const [first] = top;
  if (first !== undefined && top.length === 1) return { kind: "match", task: first };
  return { kind: "ambiguous", candidates: top };
}
