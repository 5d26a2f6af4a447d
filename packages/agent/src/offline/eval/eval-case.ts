import { planOfflineTurn } from "../plan-offline-turn.js";
import type { KnownList, KnownTask, OfflinePlan, StoredMessage } from "../types.js";

export type Expectation =
  | { tool: string; args: Record<string, unknown>; absent?: string[] }
  /** The same tool on exactly these tasks (a set command), in any order. */
  | { batch: { tool: string; ids: number[] } }
  /** Several calls done together (several actions, or an undo), in this order. */
  | { steps: { tool: string; args: Record<string, unknown> }[] }
  | { clarify: true }
  | { none: true };

export interface EvalCase {
  id: string;
  now: string;
  say: string;
  tasks?: KnownTask[];
  /** The user's lists (none when left out). */
  lists?: KnownList[];
  timeZone?: string;
  /** The conversation so far, oldest first, with the assistant's stored tool calls. */
  history?: StoredMessage[];
  expect: Expectation;
}

export interface CaseResult {
  id: string;
  say: string;
  passed: boolean;
  expected: string;
  got: string;
  plan: OfflinePlan;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses one JSONL line, naming the line when it is malformed. */
export function parseCase(line: string, lineNumber: number): EvalCase {
  const value: unknown = JSON.parse(line);
  if (
    !isRecord(value) ||
    typeof value.say !== "string" ||
    typeof value.now !== "string" ||
    !isRecord(value.expect)
  ) {
    throw new Error(`line ${lineNumber}: expected {id, now, say, tasks?, lists?, expect}`);
  }
  return value as unknown as EvalCase;
}

export function parseCorpus(text: string): EvalCase[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0 && !line.startsWith("//"))
    .map(({ line, n }) => parseCase(line, n));
}

/** By calendar day; an expected wall time (`YYYY-MM-DDTHH:MM`) must match exactly. */
function sameDay(expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof expected === "string" && expected.length > 10) return expected === actual;
  return (
    typeof expected === "string" &&
    typeof actual === "string" &&
    expected.slice(0, 10) === actual.slice(0, 10)
  );
}

function sameTags(expected: unknown, actual: unknown): boolean {
  if (!Array.isArray(expected) || !Array.isArray(actual)) return false;
  const norm = (xs: unknown[]): string[] => [...new Set(xs.map((x) => String(x).toLowerCase()))].sort();
  return JSON.stringify(norm(expected)) === JSON.stringify(norm(actual));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Compares a plan to an expectation with the corpus rules: subset args, day-level dues, tag sets. */
export function matchesExpectation(plan: OfflinePlan, expect: Expectation): boolean {
  if ("clarify" in expect) return plan.kind === "clarify";
  if ("none" in expect) return plan.kind === "reply";
  if ("steps" in expect) {
    if (plan.kind !== "steps" || plan.steps.length !== expect.steps.length) return false;
    return expect.steps.every((want, i) => {
      const got = plan.steps[i];
      return got !== undefined && got.tool === want.tool && argsMatch(got.arguments, want.args);
    });
  }
  if ("batch" in expect) {
    if (plan.kind !== "batch" || plan.tool !== expect.batch.tool) return false;
    const ids = plan.calls.map((c) => Number(c.task_id)).sort((a, b) => a - b);
    return JSON.stringify(ids) === JSON.stringify([...expect.batch.ids].sort((a, b) => a - b));
  }
  if (plan.kind !== "tool" || plan.tool !== expect.tool) return false;
  return (
    argsMatch(plan.arguments, expect.args) &&
    (expect.absent ?? []).every((key) => plan.arguments[key] === undefined)
  );
}

function argsMatch(args: Record<string, unknown>, expected: Record<string, unknown>): boolean {
  if ("user_id" in args) return false;
  return Object.entries(expected).every(([key, want]) => {
    const got = args[key];
    return key === "due" ? sameDay(want, got) : key === "tags" ? sameTags(want, got) : deepEqual(want, got);
  });
}

export function describePlan(plan: OfflinePlan): string {
  if (plan.kind === "tool") return `${plan.tool} ${JSON.stringify(plan.arguments)}`;
  if (plan.kind === "clarify") return `clarify [${plan.candidates.map((t) => t.id).join(", ")}]`;
  if (plan.kind === "steps")
    return `steps ${plan.purpose} [${plan.steps.map((s) => `${s.tool} ${JSON.stringify(s.arguments)}`).join("; ")}]`;
  if (plan.kind === "batch")
    return `batch ${plan.tool} [${plan.calls.map((c) => String(c.task_id)).join(", ")}]`;
  return `reply "${plan.reply}"`;
}

function describeExpectation(expect: Expectation): string {
  if ("clarify" in expect) return "clarify";
  if ("none" in expect) return "reply (no tool)";
  if ("steps" in expect)
    return `steps [${expect.steps.map((s) => `${s.tool} ${JSON.stringify(s.args)}`).join("; ")}]`;
  if ("batch" in expect) return `batch ${expect.batch.tool} [${expect.batch.ids.join(", ")}]`;
  const absent = expect.absent === undefined ? "" : ` absent: ${expect.absent.join(", ")}`;
  return `${expect.tool} ${JSON.stringify(expect.args)}${absent}`;
}

export function evaluateCase(c: EvalCase): CaseResult {
  const plan = planOfflineTurn(c.say, {
    now: new Date(c.now),
    tasks: c.tasks ?? [],
    lists: c.lists ?? [],
    timeZone: c.timeZone,
    history: c.history,
  });
  return {
    id: c.id,
    say: c.say,
    passed: matchesExpectation(plan, c.expect),
    expected: describeExpectation(c.expect),
    got: describePlan(plan),
    plan,
  };
}
