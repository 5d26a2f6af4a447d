// Virtual users doing what people do (sign in, list, create, edit, complete, delete, chat), each keeping a
// model of what the server acknowledged, so afterwards every acknowledged write can be checked in the
// database: count and content.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { type Account, call, mapLimit, type Result, signIn, signUp } from "./client";

interface Expected {
  title: string;
  description?: string;
  priority?: string;
  tags?: string[];
  /** undefined: a toggle whose answer was lost, so either state is possible. */
  completed?: boolean;
  /** false: a delete whose answer was lost, so the row may or may not still exist. */
  certain: boolean;
}

type Op =
  | "list"
  | "get"
  | "create"
  | "edit"
  | "replace"
  | "complete"
  | "delete"
  | "chat"
  | "chat-followup"
  | "conversations"
  | "sign-in";

const WEIGHTS: [Op, number][] = [
  ["list", 26],
  ["get", 10],
  ["create", 18],
  ["edit", 10],
  ["replace", 3],
  ["complete", 9],
  ["delete", 8],
  ["chat", 4],
  ["chat-followup", 2],
  ["conversations", 4],
  ["sign-in", 2],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((n, [, w]) => n + w, 0);
const WORDS = [
  "ferns",
  "lamp",
  "garage",
  "invoice",
  "bicycle",
  "piano",
  "garden",
  "letter",
  "kettle",
  "window",
  "ladder",
  "parcel",
];
const PRIORITIES = ["none", "low", "medium", "high"];

/** No answer, or a 5xx from a replica: the write may or may not have happened. */
const unanswered = (r: Result) => Boolean(r.networkError) || (r.status >= 500 && !r.fromProxy);

function pickOp(): Op {
  let roll = Math.random() * TOTAL_WEIGHT;
  for (const [op, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return op;
  }
  return "list";
}
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join("");

export interface OpRecord {
  op: Op;
  method: string;
  status: number;
  ms: number;
  at: number;
  attempts: number;
  networkError?: string | undefined;
  user: number;
}

export class VirtualUser {
  tasks = new Map<number, Expected>();
  /** Writes whose outcome is unknown (no answer): each may have created at most one row. */
  uncertainCreates = 0;
  conversations = new Map<number, { turns: number }>();
  constructor(
    readonly index: number,
    public account: Account,
  ) {}

  get headers() {
    return this.account.headers;
  }

  private someTask(): [number, Expected] | undefined {
    const certain = [...this.tasks].filter(([, t]) => t.certain);
    return certain.length ? pick(certain) : undefined;
  }

  /** One operation; returns what was sent and how it went, and updates the model from the answer. */
  async step(base: string, retryIdempotent: boolean): Promise<OpRecord & { result: Result }> {
    let op = pickOp();
    const target = this.someTask();
    if (!target && ["get", "edit", "replace", "complete", "delete"].includes(op)) op = "create";
    const [id, task] = target ?? [0, undefined];
    const h = this.headers;
    let method = "GET";
    let result: Result;
    switch (op) {
      case "list": {
        const status = pick(["all", "pending", "completed"]);
        const sort = pick(["-created", "created", "due", "priority", "title"]);
        result = await call(
          base,
          "GET",
          `/api/tasks?status=${status}&sort=${sort}&limit=${pick([10, 20, 50])}`,
          { headers: h, retry: retryIdempotent },
        );
        break;
      }
      case "get": {
        result = await call(base, "GET", `/api/tasks/${id}`, { headers: h, retry: retryIdempotent });
        if (result.status === 200 && task) this.checkRead(id, task, result.body as Record<string, unknown>);
        break;
      }
      case "create": {
        method = "POST";
        const body = {
          title: `${pick(WORDS)} ${letters(6)}`,
          description: Math.random() < 0.5 ? `note ${letters(12)}` : undefined,
          priority: pick(PRIORITIES),
          tags: [pick(["work", "home", "errands"])],
          due_at:
            Math.random() < 0.3
              ? new Date(Date.now() + 86_400_000 * (1 + Math.floor(Math.random() * 30))).toISOString()
              : undefined,
        };
        result = await call(base, "POST", "/api/tasks", { headers: h, body });
        if (result.status === 201) {
          const created = result.body as { id: number };
          this.tasks.set(created.id, {
            title: body.title,
            description: body.description ?? "",
            priority: body.priority,
            tags: body.tags,
            completed: false,
            certain: true,
          });
        } else if (unanswered(result)) this.uncertainCreates++;
        break;
      }
      case "edit": {
        method = "PATCH";
        const changes = {
          title: `${pick(WORDS)} ${letters(6)}`,
          priority: pick(PRIORITIES),
          tags: [pick(["work", "home", "later"])],
        };
        // Setting fields to given values is idempotent: safe to retry.
        result = await call(base, "PATCH", `/api/tasks/${id}`, {
          headers: h,
          body: changes,
          retry: retryIdempotent,
        });
        if (result.status === 200 && task) Object.assign(task, changes);
        else if (task) this.blur(task, ["title", "priority", "tags"]);
        break;
      }
      case "replace": {
        method = "PUT";
        const body = {
          title: `${pick(WORDS)} ${letters(6)}`,
          description: `replaced ${letters(8)}`,
          priority: pick(PRIORITIES),
          tags: [],
          completed: false,
        };
        result = await call(base, "PUT", `/api/tasks/${id}`, { headers: h, body, retry: retryIdempotent });
        if (result.status === 200 && task) Object.assign(task, { ...body, certain: true });
        else if (task) this.blur(task, ["title", "description", "priority", "tags", "completed"]);
        break;
      }
      case "complete": {
        method = "PATCH";
        // A toggle is not idempotent: never retried; its answer tells the new state.
        result = await call(base, "PATCH", `/api/tasks/${id}/complete`, { headers: h });
        if (result.status === 200 && task) task.completed = (result.body as { completed: boolean }).completed;
        else if (task && unanswered(result)) task.completed = undefined;
        break;
      }
      case "delete": {
        method = "DELETE";
        result = await call(base, "DELETE", `/api/tasks/${id}`, { headers: h, retry: retryIdempotent });
        // Only this user writes these tasks, so a 404 on delete means an earlier attempt of this very delete
        // did it (a retry by the client, or a replay by the proxy after the replica died before answering).
        if (result.status === 204 || result.status === 404) this.tasks.delete(id);
        else if (task && unanswered(result)) task.certain = false;
        break;
      }
      case "chat":
      case "chat-followup": {
        method = "POST";
        const followUp =
          op === "chat-followup" && this.conversations.size > 0
            ? pick([...this.conversations.keys()])
            : undefined;
        const message = followUp ? "show my pending tasks" : `add ${pick(WORDS)} ${letters(5)} #chat`;
        result = await call(base, "POST", "/api/chat", {
          headers: h,
          body: { message, ...(followUp ? { conversation_id: followUp } : {}) },
        });
        if (result.status === 200) {
          const turn = result.body as {
            conversation_id: number;
            tool_calls: { tool: string; result: { task_id?: number; title?: string } }[];
          };
          const conversation = this.conversations.get(turn.conversation_id) ?? { turns: 0 };
          conversation.turns++;
          this.conversations.set(turn.conversation_id, conversation);
          for (const callMade of turn.tool_calls) {
            if (callMade.tool === "add_task" && callMade.result?.task_id) {
              this.tasks.set(callMade.result.task_id, {
                title: String(callMade.result.title),
                completed: false,
                certain: true,
              });
            }
          }
        } else if (!followUp && unanswered(result)) this.uncertainCreates++;
        break;
      }
      case "conversations": {
        result = await call(base, "GET", "/api/conversations", { headers: h, retry: retryIdempotent });
        break;
      }
      case "sign-in": {
        method = "POST";
        result = await signIn(base, this.account);
        if (result.status === 200) {
          const token = (result.body as { token: string }).token;
          this.account = { ...this.account, token, headers: { authorization: `Bearer ${token}` } };
        }
        break;
      }
    }
    return {
      op,
      method,
      status: result.status,
      ms: result.ms,
      at: Date.now(),
      attempts: result.attempts,
      networkError: result.networkError,
      user: this.index,
      result,
    };
  }

  private blur(task: Expected, fields: (keyof Expected)[]) {
    // An edit without an answer may or may not have landed: stop asserting those fields.
    for (const field of fields)
      if (field !== "certain") (task as unknown as Record<string, unknown>)[field] = undefined;
    if (fields.includes("title")) task.title = "";
  }

  readMismatches: string[] = [];
  /** Read-your-writes across replicas: a GET must show what this user's acknowledged writes left. */
  private checkRead(id: number, task: Expected, got: Record<string, unknown>) {
    const diff = compare(task, got);
    if (diff) this.readMismatches.push(`task ${id}: ${diff}`);
  }
}

function compare(expected: Expected, row: Record<string, unknown>): string | undefined {
  const checks: [string, unknown, unknown][] = [
    ["title", expected.title || undefined, row.title],
    ["description", expected.description, row.description],
    ["priority", expected.priority, row.priority],
    [
      "tags",
      expected.tags === undefined ? undefined : JSON.stringify(expected.tags),
      JSON.stringify(row.tags),
    ],
    ["completed", expected.completed, row.completed],
  ];
  const bad = checks.filter(([, want, have]) => want !== undefined && want !== have);
  return bad.length
    ? bad
        .map(([f, want, have]) => `${f} expected ${JSON.stringify(want)} got ${JSON.stringify(have)}`)
        .join(", ")
    : undefined;
}

export interface LoadReport {
  records: OpRecord[];
  users: VirtualUser[];
  seconds: number;
}

/** Signs up `count` users (before the clock starts). */
export async function createUsers(base: string, count: number): Promise<VirtualUser[]> {
  const accounts = await mapLimit(
    Array.from({ length: count }, (_, i) => i),
    8,
    (i) => signUp(base, `vu${i}`),
  );
  return accounts.map((account, i) => new VirtualUser(i, account));
}

/** Runs every user in a loop with think time until `seconds` have passed. */
export async function runLoad(
  base: string,
  users: VirtualUser[],
  seconds: number,
  options: {
    retryIdempotent?: boolean;
    thinkMs?: [number, number];
    baseFor?: (user: VirtualUser) => string;
  } = {},
): Promise<LoadReport> {
  const records: OpRecord[] = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const [minThink, maxThink] = options.thinkMs ?? [100, 400];
  await Promise.all(
    users.map(async (user) => {
      // Spread the start so the users do not move in lockstep.
      await new Promise((r) => setTimeout(r, Math.random() * maxThink));
      while (Date.now() < deadline) {
        const { result: _result, ...record } = await user.step(
          options.baseFor?.(user) ?? base,
          options.retryIdempotent ?? true,
        );
        records.push(record);
        await new Promise((r) => setTimeout(r, minThink + Math.random() * (maxThink - minThink)));
      }
    }),
  );
  return { records, users, seconds: (Date.now() - started) / 1000 };
}

export interface Verification {
  tasksChecked: number;
  contentMismatches: string[];
  missing: string[];
  unexpectedRows: number;
  allowedUnexpected: number;
  conversationsChecked: number;
  conversationProblems: string[];
  readMismatches: string[];
}

/** Compares every user's model with the rows in the database. `extraAllowed`: proxy replays of writes. */
export async function verify(db: pg.Pool, users: VirtualUser[], extraAllowed = 0): Promise<Verification> {
  const v: Verification = {
    tasksChecked: 0,
    contentMismatches: [],
    missing: [],
    unexpectedRows: 0,
    allowedUnexpected: extraAllowed,
    conversationsChecked: 0,
    conversationProblems: [],
    readMismatches: [],
  };
  for (const user of users) {
    const { rows } = await db.query<Record<string, unknown> & { id: number }>(
      // Tasks in the trash were deleted: they count as gone.
      "select id, title, description, priority, tags, completed from tasks where user_id = $1 and deleted_at is null",
      [user.account.userId],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, expected] of user.tasks) {
      const row = byId.get(id);
      byId.delete(id);
      if (!expected.certain) continue;
      v.tasksChecked++;
      if (!row) {
        v.missing.push(`user ${user.index} task ${id}`);
        continue;
      }
      const diff = compare(expected, row);
      if (diff) v.contentMismatches.push(`user ${user.index} task ${id}: ${diff}`);
    }
    v.unexpectedRows += byId.size;
    v.allowedUnexpected += user.uncertainCreates;
    v.readMismatches.push(...user.readMismatches.map((m) => `user ${user.index} ${m}`));
    for (const [conversationId, { turns }] of user.conversations) {
      v.conversationsChecked++;
      const { rows: msgs } = await db.query<{ role: string; n: number }>(
        "select m.role, count(*)::int as n from messages m join conversations c on c.id = m.conversation_id where c.id = $1 and c.user_id = $2 group by m.role",
        [conversationId, user.account.userId],
      );
      const count = (role: string) => msgs.find((m) => m.role === role)?.n ?? 0;
      if (count("user") < turns || count("assistant") < turns) {
        v.conversationProblems.push(
          `conversation ${conversationId}: ${turns} acknowledged turns, ${count("user")} user / ${count("assistant")} assistant messages`,
        );
      }
    }
  }
  return v;
}

export function summarize(report: LoadReport) {
  const byOp: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  let serverErrors = 0;
  let networkErrors = 0;
  let retried = 0;
  for (const r of report.records) {
    byOp[r.op] = (byOp[r.op] ?? 0) + 1;
    const key = r.networkError ? `net:${r.networkError}` : String(r.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (r.status >= 500) serverErrors++;
    if (r.networkError) networkErrors++;
    if (r.attempts > 1) retried++;
  }
  const latencies = report.records.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
  return {
    requests: report.records.length,
    rps: report.records.length / report.seconds,
    byOp,
    statuses,
    serverErrors,
    networkErrors,
    retried,
    p50: pct(0.5),
    p99: pct(0.99),
    max: Math.round(latencies.at(-1) ?? 0),
  };
}

export function describeSummary(label: string, s: ReturnType<typeof summarize>): string {
  const ops = Object.entries(s.byOp)
    .sort((a, b) => b[1] - a[1])
    .map(([op, n]) => `${op} ${n}`)
    .join(", ");
  return `[${label}] ${s.requests} requests (${Math.round(s.rps)}/s): ${ops}; statuses ${JSON.stringify(s.statuses)}; 5xx ${s.serverErrors}, network errors ${s.networkErrors}, retried ${s.retried}; latency p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms`;
}

export function describeVerification(label: string, v: Verification): string {
  return `[${label}] verified ${v.tasksChecked} acknowledged tasks in the database (content: ${v.contentMismatches.length} mismatches, missing: ${v.missing.length}), unexpected rows ${v.unexpectedRows} (allowed by unanswered writes: ${v.allowedUnexpected}), ${v.conversationsChecked} conversations (${v.conversationProblems.length} problems), read-your-writes mismatches ${v.readMismatches.length}`;
}
