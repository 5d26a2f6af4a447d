// Renders the bench results as markdown: the tables printed at the end and written to docs/benchmarks.md.
import { cpuMsPerRequest, type LoadResult } from "./load";

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  database: string;
  databaseLabel: string;
  commit: string;
}

export interface RestRow {
  name: string;
  app: LoadResult;
  baseline?: LoadResult | undefined;
}

export interface ColdRow {
  service: string;
  runs: number[];
  target: number;
  readyPath: string;
}

export interface MemoryRow {
  service: string;
  idle: number;
  rounds: number[];
  target: number;
  load: string;
}

export interface BeforeAfterRow {
  name: string;
  before: LoadResult;
  after: LoadResult;
}

export interface Report {
  machine: Machine;
  settings: { durationS: number; warmupS: number; roundS: number; logLevel: string };
  rest: RestRow[];
  mcp: RestRow[];
  chat?: LoadResult | undefined;
  cold: ColdRow[];
  memory: MemoryRow[];
  images?: string | undefined;
  imagesNote?: string | undefined;
  before?:
    | {
        ref: string;
        commit: string;
        rows: BeforeAfterRow[];
        cold?: ColdRow[];
        idle?: Record<string, number>;
        coldAfter?: ColdRow[];
        idleAfter?: Record<string, number>;
      }
    | undefined;
  beforeNote?: string | undefined;
  notes: string[];
  totalSeconds: number;
}

const f0 = (n: number) => Math.round(n).toLocaleString("en-US");
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const ms = (n: number) => (n < 10 ? n.toFixed(1) : f0(n));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};
const verdict = (ok: boolean) => (ok ? "✅ met" : "❌ missed");
/** A target of several criteria, each marked on its own: "✅ ratio · ❌ p99 (+5 ms)". */
function criteria(...parts: [label: string, ok: boolean][]): string {
  return parts.map(([label, ok]) => `${ok ? "✅" : "❌"} ${label}`).join(" · ");
}
const p99Check = (p99: number, limit: number): [string, boolean] => [
  p99 <= limit ? "p99" : `p99 (+${Math.ceil(p99 - limit)} ms)`,
  p99 <= limit,
];
const errorCheck = (errors: number): [string, boolean] => [
  errors === 0 ? "no errors" : `${errors} errors`,
  errors === 0,
];
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

/** The REST rows are judged on CPU per request: api efficiency ≥ 0.8× the baseline's. */
export const CPU_RATIO_TARGET = 0.8;
const cpuMsCell = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : "–");

export function restTable(rows: RestRow[]): string {
  return table(
    [
      "scenario (100 connections)",
      "api req/s",
      "p50 ms",
      "p99 ms",
      "errors",
      "baseline req/s",
      "baseline p50",
      "baseline p99",
      "ratio",
      "api CPU ms/req",
      "baseline CPU ms/req",
      "CPU ratio",
      `target CPU ratio ≥ ${CPU_RATIO_TARGET}, p99 ≤ 50 ms`,
    ],
    rows.map((r) => {
      const ratio = r.baseline ? r.app.rps / r.baseline.rps : Number.NaN;
      const appCpu = cpuMsPerRequest(r.app);
      const baselineCpu = r.baseline ? cpuMsPerRequest(r.baseline) : Number.NaN;
      // Efficiency relative to the baseline: 1 = the same CPU per request, 0.5 = twice the baseline's.
      const cpuRatio = baselineCpu / appCpu;
      // Over the target, by how much the api's CPU per request exceeds baseline ÷ target (like the p99's).
      const cpuLimit = baselineCpu / CPU_RATIO_TARGET;
      const cpuLabel = !Number.isFinite(cpuRatio)
        ? "CPU/req not measured"
        : cpuRatio >= CPU_RATIO_TARGET
          ? "CPU/req"
          : `CPU/req (+${cpuMsCell(appCpu - cpuLimit)} ms)`;
      return [
        r.name,
        f0(r.app.rps),
        ms(r.app.p50),
        ms(r.app.p99),
        String(r.app.errors),
        r.baseline ? f0(r.baseline.rps) : "–",
        r.baseline ? ms(r.baseline.p50) : "–",
        r.baseline ? ms(r.baseline.p99) : "–",
        Number.isFinite(ratio) ? ratio.toFixed(2) : "–",
        cpuMsCell(appCpu),
        cpuMsCell(baselineCpu),
        Number.isFinite(cpuRatio) ? cpuRatio.toFixed(2) : "–",
        criteria([cpuLabel, cpuRatio >= CPU_RATIO_TARGET], p99Check(r.app.p99, 50), errorCheck(r.app.errors)),
      ];
    }),
  );
}

export function mcpTable(rows: RestRow[], chat?: LoadResult): string {
  const body = rows.map((r) => {
    return [
      r.name,
      "50",
      f0(r.app.rps),
      ms(r.app.p50),
      ms(r.app.p99),
      String(r.app.errors),
      "≥ 1,000/s, p99 ≤ 50 ms",
      criteria(["calls/s", r.app.rps >= 1000], p99Check(r.app.p99, 50), errorCheck(r.app.errors)),
    ];
  });
  if (chat) {
    body.push([
      "chat turn, offline agent via MCP",
      "20",
      f1(chat.rps),
      ms(chat.p50),
      ms(chat.p99),
      String(chat.errors),
      "p99 ≤ 100 ms",
      criteria(p99Check(chat.p99, 100), errorCheck(chat.errors)),
    ]);
  }
  return table(["scenario", "clients", "calls/s", "p50 ms", "p99 ms", "errors", "target", "verdict"], body);
}

export function coldTable(rows: ColdRow[]): string {
  return table(
    ["service", "ready on", "runs (ms)", "median ms", "target", "verdict"],
    rows.map((r) => {
      const m = median(r.runs);
      return [
        r.service,
        r.readyPath,
        r.runs.map((x) => f0(x)).join(", "),
        f0(m),
        `< ${f0(r.target)} ms`,
        verdict(m < r.target),
      ];
    }),
  );
}

export function memoryTable(rows: MemoryRow[]): string {
  return table(
    [
      "service",
      "idle RSS MB",
      "after round 1",
      "round 2",
      "round 3",
      "growth 2→3",
      "targets",
      "verdict",
      "load per round",
    ],
    rows.map((r) => {
      const [r1 = Number.NaN, r2 = Number.NaN, r3 = Number.NaN] = r.rounds;
      const growth = ((r3 - r2) / r2) * 100;
      const ok = r.idle < r.target && growth < 5;
      return [
        r.service,
        f1(r.idle),
        f1(r1),
        f1(r2),
        f1(r3),
        `${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %`,
        `idle < ${r.target} MB, growth < 5 %`,
        verdict(ok),
        r.load,
      ];
    }),
  );
}

export function beforeAfterTable(rows: BeforeAfterRow[]): string {
  return table(
    [
      "scenario",
      "before req/s",
      "before p50",
      "before p99",
      "after req/s",
      "after p50",
      "after p99",
      "throughput",
    ],
    rows.map((r) => [
      r.name,
      f0(r.before.rps),
      ms(r.before.p50),
      ms(r.before.p99),
      f0(r.after.rps),
      ms(r.after.p50),
      ms(r.after.p99),
      `×${(r.after.rps / r.before.rps).toFixed(2)}`,
    ]),
  );
}

/** The result tables alone (what the bench prints at the end). */
export function resultTables(report: Report): string {
  const parts = [
    "### REST api vs bare node:http + pg baseline",
    restTable(report.rest),
    "### MCP (Streamable HTTP, stateless, JSON responses) and chat",
    mcpTable(report.mcp, report.chat),
    "### Cold start to ready",
    coldTable(report.cold),
    "### Memory (RSS)",
    memoryTable(report.memory),
  ];
  if (report.before) {
    parts.push(
      `### Before / after the performance changes (before = ${report.before.commit.slice(0, 12)})`,
      beforeAfterTable(report.before.rows),
    );
    const { cold, idle, coldAfter, idleAfter } = report.before;
    if (cold && coldAfter) {
      parts.push(
        table(
          [
            "service",
            "before: cold start (median ms)",
            "before: idle RSS MB",
            "after: cold start (median ms)",
            "after: idle RSS MB",
          ],
          cold.map((row) => {
            const after = coldAfter.find((r) => r.service === row.service);
            return [
              row.service,
              f0(median(row.runs)),
              f1(idle?.[row.service] ?? Number.NaN),
              after ? f0(median(after.runs)) : "–",
              f1(idleAfter?.[row.service] ?? Number.NaN),
            ];
          }),
        ),
      );
    }
  } else if (report.beforeNote) {
    parts.push("### Before / after", report.beforeNote);
  }
  parts.push(
    "### Image payloads (`npm run images:report`)",
    report.images ? `\`\`\`\n${report.images.trim()}\n\`\`\`` : (report.imagesNote ?? "skipped"),
  );
  return parts.join("\n\n");
}

export function renderDocument(report: Report, explanation: string): string {
  const m = report.machine;
  const s = report.settings;
  return `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts) on ${m.date}. Re-run it to reproduce; numbers on another
machine differ, the ratios and verdicts should not.

## Machine

| | |
|---|---|
| CPU | ${m.cpu} (${m.cores} cores) |
| memory | ${m.memoryGb.toFixed(1)} GB |
| OS | ${m.os} |
| Node | ${m.node} |
| database | ${m.databaseLabel} |
| code | ${m.commit} |

Method: production bundles (\`apps/*/dist\`, Next standalone) as separate processes on loopback, configured
as in Kubernetes (\`NODE_ENV=production\`, \`LOG_LEVEL=${s.logLevel}\` with logs written to a file, pool size 10);
the load generator (autocannon) runs on the same machine, so it competes with the servers and the
database for the same ${m.cores} cores. One user with 1,000 tasks, bearer token auth. Every scenario has a
${s.warmupS} s warm-up round that is discarded, then a measured round of ${s.durationS} s; the REST rows and their
baseline are measured in halves, api · baseline · baseline · api, so a change in the machine's load weighs on
both alike (latencies are the request-weighted mean of the halves). "CPU ms/req" is the server process's CPU
time (user + system, from \`/proc/<pid>/stat\`) over the measured rounds divided by the requests it answered;
"CPU ratio" is baseline ÷ api, the api's CPU efficiency relative to the bare baseline, and the REST rows are
judged on it (target ≥ ${CPU_RATIO_TARGET}, i.e. api CPU ms/req ≤ baseline ÷ ${CPU_RATIO_TARGET}), because CPU per request stays
stable on a busy machine where throughput ratios swing; memory rounds are ${s.roundS} s,
each followed by a full garbage collection forced through the inspector before the RSS is read, so growth means
memory that is still referenced.
"errors" counts connection errors, timeouts and non-2xx answers. Whole run: ${f0(report.totalSeconds)} s.

${resultTables(report)}

${report.notes.length ? `## Notes from this run\n\n${report.notes.map((n) => `- ${n}`).join("\n")}\n\n` : ""}${explanation}
`;
}
