// `npm run bench`: production builds on loopback, one user with 1,000 tasks, every scenario of issue 5
// bounded in time, a markdown table printed and written to docs/benchmarks.md.
//
//   npm run bench                      real PostgreSQL when DATABASE_URL is set, else PGlite
//   npm run bench -- --quick           short rounds, no before/after, writes to a temp file
//   npm run bench -- --no-before       skip the before/after comparison
//   npm run bench -- --before-ref REF  compare with another commit (default: the one before the changes)
//   npm run bench -- --duration 10 --warmup 2 --out docs/benchmarks.md
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import { buildBefore, ensureEmbeddedBundle, ensureServiceBundles, ensureWebBuild } from "./lib/build";
import { type BenchDatabase, openBenchDatabase } from "./lib/database";
import { forceGc } from "./lib/gc";
import { combine, type LoadResult, measure, rotating, type Scenario } from "./lib/load";
import { freePort, type Proc, rssMb, sleep, startNode } from "./lib/proc";
import {
  type BeforeAfterRow,
  type ColdRow,
  type MemoryRow,
  type Report,
  type RestRow,
  renderDocument,
  resultTables,
} from "./lib/report";
import { type SeededUser, seedUser, taskBody } from "./lib/seed";
import {
  type Builds,
  coldStart,
  migrateDatabase,
  type ServiceContext,
  type Stack,
  startStack,
  startWeb,
  webEnv,
} from "./lib/services";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = performance.now();
const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-before": { type: "boolean", default: false },
    "no-web": { type: "boolean", default: false },
    "before-ref": { type: "string", default: "3c92b2f" },
    duration: { type: "string" },
    warmup: { type: "string" },
    round: { type: "string" },
    "log-level": { type: "string", default: "info" },
    out: { type: "string" },
  },
});
const quick = flags.quick === true;
const durationS = Number(flags.duration ?? (quick ? 3 : 10));
const warmupS = Number(flags.warmup ?? (quick ? 1 : 2));
const roundS = Number(flags.round ?? (quick ? 2 : 6));
const beforeDurationS = quick ? 3 : Math.min(durationS, 5);
const out =
  flags.out ?? (quick ? join(tmpdir(), "taskflow-benchmarks.md") : join(root, "docs/benchmarks.md"));
const cacheDir = join(root, "node_modules/.cache/taskflow-bench");
const logDir = mkdtempSync(join(tmpdir(), "taskflow-bench-logs-"));

const elapsed = () => (performance.now() - started) / 1000;
const log = (line: string) => console.log(`[bench ${elapsed().toFixed(0).padStart(3)} s] ${line}`);
const procs = new Set<Proc>();
const cleanups: (() => Promise<void>)[] = [];
const notes: string[] = [];

async function shutdown() {
  await Promise.all([...procs].map((p) => p.stop().catch(() => {})));
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void shutdown().finally(() => process.exit(130));
  });
}
const track = <T extends { proc: Proc }>(running: T): T => {
  procs.add(running.proc);
  void running.proc.exited.then(() => procs.delete(running.proc));
  return running;
};
const trackStack = (stack: Stack): Stack => {
  track(stack.api);
  track(stack.mcp);
  return stack;
};

// ---------------------------------------------------------------- scenarios

const MCP_HEADERS = (token: string) => ({
  "content-type": "application/json",
  accept: "application/json, text/event-stream",
  "mcp-protocol-version": "2025-06-18",
  authorization: `Bearer ${token}`,
});
const toolCall = (name: string, args: Record<string, unknown>) =>
  JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } });
const CHAT_MESSAGES = [
  "add call the plumber tomorrow #home",
  "show my pending tasks",
  "add pay the rent on friday high priority",
];

function restScenarios(url: string, user: Pick<SeededUser, "token" | "taskIds">): [string, Scenario][] {
  const headers = { authorization: `Bearer ${user.token}`, "content-type": "application/json" };
  return [
    [
      "GET /api/tasks?limit=50",
      { url, connections: 100, requests: [{ method: "GET", path: "/api/tasks?limit=50", headers }] },
    ],
    [
      "POST /api/tasks",
      {
        url,
        connections: 100,
        idReplacement: true,
        requests: [
          {
            method: "POST",
            path: "/api/tasks",
            headers,
            body: JSON.stringify({ ...taskBody(7), title: "bench [<id>]" }),
          },
        ],
      },
    ],
    [
      "PATCH /api/tasks/{id}/complete",
      {
        url,
        connections: 100,
        requests: rotating(
          { method: "PATCH", headers: { authorization: headers.authorization } },
          user.taskIds.map((id) => `/api/tasks/${id}/complete`),
        ),
      },
    ],
  ];
}

function mcpScenarios(mcpUrl: string, personalToken: string): [string, Scenario][] {
  const headers = MCP_HEADERS(personalToken);
  return [
    [
      "MCP list_tasks",
      {
        url: mcpUrl,
        connections: 50,
        requests: [{ method: "POST", path: "/mcp", headers, body: toolCall("list_tasks", {}) }],
      },
    ],
    [
      "MCP add_task",
      {
        url: mcpUrl,
        connections: 50,
        idReplacement: true,
        requests: [
          {
            method: "POST",
            path: "/mcp",
            headers,
            body: toolCall("add_task", { title: "mcp bench [<id>]", tags: ["bench"] }),
          },
        ],
      },
    ],
  ];
}

function chatScenario(apiUrl: string, token: string): Scenario {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const requests: autocannon.Request[] = CHAT_MESSAGES.map((message) => ({
    method: "POST",
    path: "/api/chat",
    headers,
    body: JSON.stringify({ message }),
  }));
  return { url: apiUrl, connections: 20, requests };
}

/** One call of each kind before loading, so a broken scenario fails loudly instead of measuring errors. */
async function sanityCheck(stack: Stack, user: SeededUser) {
  const list = await fetch(`${stack.apiUrl}/api/tasks?limit=50`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  const body = (await list.json()) as { items?: unknown[] };
  if (list.status !== 200 || body.items?.length !== 50)
    throw new Error(`GET /api/tasks answered ${list.status}`);
  const mcp = await fetch(`${stack.mcpUrl}/mcp`, {
    method: "POST",
    headers: MCP_HEADERS(user.personalToken),
    body: toolCall("list_tasks", {}),
  });
  const rpc = (await mcp.json()) as {
    result?: { isError?: boolean; structuredContent?: { tasks?: unknown[] } };
  };
  if (mcp.status !== 200 || rpc.result?.isError || rpc.result?.structuredContent?.tasks?.length !== 50) {
    throw new Error(`MCP list_tasks answered ${mcp.status} ${JSON.stringify(rpc).slice(0, 300)}`);
  }
  const chat = await fetch(`${stack.apiUrl}/api/chat`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ message: CHAT_MESSAGES[0] }),
  });
  const turn = (await chat.json()) as { tool_calls?: { tool: string }[] };
  if (chat.status !== 200 || turn.tool_calls?.[0]?.tool !== "add_task")
    throw new Error(`chat answered ${chat.status} ${JSON.stringify(turn).slice(0, 300)}`);
}

const run = (name: string, scenario: Scenario, durationS: number, warmup = warmupS): Promise<LoadResult> => {
  log(`${name}: ${warmup} s warm-up + ${durationS} s at ${scenario.connections} connections`);
  return measure(scenario, { warmupS: warmup, durationS }).then((r) => {
    log(`  ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`);
    return r;
  });
};

/**
 * Three equal load rounds; after each, the RSS once a full garbage collection has run in the process
 * (forced through its inspector, see lib/gc.ts): what survives that is what a leak would grow. Without an
 * inspector it falls back to the lowest of 20 samples over 10 s of idleness.
 */
async function memoryRounds(pid: number, script: string, scenario: Scenario): Promise<number[]> {
  const rss: number[] = [];
  for (let i = 0; i < 3; i++) {
    await measure(scenario, { warmupS: 0, durationS: roundS });
    await sleep(500);
    const collected = await forceGc(pid, script);
    if (!collected) gcFallbacks++;
    const samples: number[] = [];
    for (let j = 0; j < (collected ? 4 : 20); j++) {
      await sleep(500);
      samples.push(rssMb(pid));
    }
    rss.push(Math.min(...samples));
  }
  return rss;
}
let gcFallbacks = 0;

// ---------------------------------------------------------------- phases

function machineInfo(db: BenchDatabase) {
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], {
    cwd: root,
    encoding: "utf8",
  });
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: cpus()[0]?.model.trim() ?? "?",
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    os: `${platform()} ${release()}`,
    node: process.version,
    database: db.version,
    databaseLabel: db.label,
    commit: `${git.stdout.trim() || "?"}${dirty.stdout.trim() ? " + uncommitted changes" : ""}`,
  };
}

async function startBaseline(
  ctx: ServiceContext,
  user: SeededUser,
): Promise<{ url: string; proc: Proc; user: SeededUser }> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_POOL_SIZE: "10",
  };
  let baselineUser = user;
  if (ctx.db.url) env.DATABASE_URL = ctx.db.url;
  else {
    // PGlite allows one process per directory: the baseline seeds its own (ids 1…1000).
    env.PGLITE_DIR = mkdtempSync(join(tmpdir(), "taskflow-bench-baseline-"));
    env.BASELINE_SEED_TOKEN = "baseline-session-token";
    cleanups.push(async () => rmSync(env.PGLITE_DIR as string, { recursive: true, force: true }));
    baselineUser = {
      ...user,
      token: env.BASELINE_SEED_TOKEN,
      taskIds: Array.from({ length: 1000 }, (_, i) => i + 1),
    };
  }
  const proc = startNode(
    "baseline",
    ["--import", "tsx", join(root, "bench/baseline-server.ts")],
    env,
    join(logDir, "baseline.log"),
    root,
  );
  const url = `http://127.0.0.1:${port}`;
  track({ proc });
  // Any answer (a 401 without a token) means it listens.
  for (let i = 0; ; i++) {
    if (
      await fetch(`${url}/api/tasks`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error("the baseline server did not start (see baseline.log)");
    await sleep(50);
  }
  return { url, proc, user: baselineUser };
}

interface ColdResult {
  rows: ColdRow[];
  idle: Record<string, number>;
}

/**
 * Cold starts of api and mcp (or the embedded process), `runs` each; with `other`, the old bundles'
 * starts alternate with these, so both see the same machine.
 */
async function coldStarts(
  targets: { ctx: ServiceContext; builds: Builds }[],
  runs: number,
): Promise<ColdResult[]> {
  const results: ColdResult[] = targets.map(() => ({ rows: [], idle: {} }));
  const services =
    targets[0]?.ctx.db.kind === "postgres"
      ? [
          { service: "api", bundle: (b: Builds) => b.api },
          { service: "mcp", bundle: (b: Builds) => b.mcp },
        ]
      : [{ service: "api+mcp (one process, PGlite)", bundle: (b: Builds) => b.embedded }];
  for (const { service, bundle } of services) {
    const times = targets.map(() => [] as number[]);
    const rss = targets.map(() => [] as number[]);
    for (let i = 0; i < runs; i++) {
      for (const [t, { ctx, builds }] of targets.entries()) {
        const r = await coldStart(ctx, service, [bundle(builds)], {}, "/readyz");
        times[t]?.push(r.ms);
        rss[t]?.push(r.idleRssMb);
      }
    }
    for (const [t, result] of results.entries()) {
      const label = t === 0 ? "" : " (before)";
      log(
        `cold start ${service}${label}: ${times[t]?.map((x) => Math.round(x)).join(", ")} ms; idle RSS ${rss[t]?.map((x) => x.toFixed(0)).join(", ")} MB`,
      );
      result.rows.push({ service, runs: times[t] ?? [], target: 1000, readyPath: "/readyz" });
      const sorted = [...(rss[t] ?? [])].sort((a, b) => a - b);
      result.idle[service] = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
    }
  }
  return results;
}

interface BeforeSide {
  tree: Awaited<ReturnType<typeof buildBefore>>;
  ctx: ServiceContext;
  builds: Builds;
}

async function prepareBefore(ctx: ServiceContext): Promise<BeforeSide | string> {
  if (flags["no-before"] || quick) return "Skipped (--no-before or --quick).";
  try {
    log(`before/after: building ${flags["before-ref"]} in ${cacheDir}`);
    const tree = await buildBefore(root, flags["before-ref"] as string, cacheDir);
    const beforeDb = await openBenchDatabase(process.env.DATABASE_URL || undefined, "before");
    cleanups.push(() => beforeDb.dispose());
    const beforeCtx: ServiceContext = { ...ctx, db: beforeDb };
    const builds: Builds = {
      label: tree.commit,
      api: tree.api,
      mcp: tree.mcp,
      migrate: tree.migrate,
      embedded: tree.embedded,
    };
    migrateDatabase(beforeCtx, builds.migrate);
    return { tree, ctx: beforeCtx, builds };
  } catch (error) {
    return `Skipped: ${(error as Error).message}`;
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const db = await openBenchDatabase(process.env.DATABASE_URL || undefined, "after");
  cleanups.push(() => db.dispose());
  const machine = machineInfo(db);
  const loadAtStart = loadavg()[0] ?? 0;
  log(`${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GB, Node ${machine.node}, ${db.label}`);
  log(`logs in ${logDir}`);

  ensureServiceBundles(root, log);
  const web = flags["no-web"] ? undefined : ensureWebBuild(root, log);
  if (!web) notes.push("The web was not built (or --no-web), so it has no cold-start or memory row.");
  const builds: Builds = {
    label: "working tree",
    api: join(root, "apps/api/dist/server.js"),
    mcp: join(root, "apps/mcp/dist/server.js"),
    migrate: join(root, "apps/api/dist/migrate.js"),
    embedded: db.kind === "pglite" ? await ensureEmbeddedBundle(root, cacheDir) : "",
    web,
  };
  const ctx: ServiceContext = { root, logDir, db, logLevel: flags["log-level"] ?? "info" };
  migrateDatabase(ctx, builds.migrate);
  // The commit before the performance work, built the same way, measured alongside (see the notes).
  const beforeSide = await prepareBefore(ctx);
  const old = typeof beforeSide === "string" ? undefined : beforeSide;

  // Cold starts first, on an otherwise idle system; the idle RSS is read 1.5 s after ready.
  const [cold, coldOld] = (await coldStarts(
    [{ ctx, builds }, ...(old ? [{ ctx: old.ctx, builds: old.builds }] : [])],
    quick ? 2 : 4,
  )) as [ColdResult, ColdResult | undefined];

  const stack = trackStack(await startStack(ctx, builds, "after"));
  const user = await seedUser(stack.apiUrl, 1000);
  log(`seeded ${user.email}: ${user.taskIds.length} tasks, personal token for MCP`);
  await sanityCheck(stack, user);
  const oldStack = old ? trackStack(await startStack(old.ctx, old.builds, "before")) : undefined;
  const oldUser = oldStack ? await seedUser(oldStack.apiUrl, 1000) : undefined;

  if (web) {
    const row: ColdRow = { service: "web", runs: [], target: 2000, readyPath: "/healthz" };
    for (let i = 0; i < 3; i++) {
      const r = await coldStart(ctx, "web", [web], webEnv(stack.apiUrl), "/healthz");
      row.runs.push(r.ms);
      cold.idle.web = Math.min(cold.idle.web ?? Number.POSITIVE_INFINITY, r.idleRssMb);
    }
    cold.rows.push(row);
    log(`cold start web: ${row.runs.map((t) => Math.round(t)).join(", ")} ms`);
  }

  // Throughput: each scenario on the api, then the bare baseline, then the old build, back to back.
  const beforeRows: BeforeAfterRow[] = [];
  const againstOld = async (name: string, after: LoadResult, scenario: Scenario | undefined) => {
    if (scenario)
      beforeRows.push({ name, after, before: await run(`before ${name}`, scenario, beforeDurationS, 1) });
  };
  const baseline = await startBaseline(ctx, user);
  const rest: RestRow[] = [];
  const baselineScenarios = restScenarios(baseline.url, baseline.user);
  const oldRest = oldStack && oldUser ? restScenarios(oldStack.apiUrl, oldUser) : [];
  for (const [i, [name, scenario]] of restScenarios(stack.apiUrl, user).entries()) {
    // Api, baseline, baseline, api: a change in the machine's load during the four rounds weighs on
    // both sides alike, so the ratio is steadier than from one round each.
    const baselineScenario = (baselineScenarios[i] as [string, Scenario])[1];
    const half = durationS / 2;
    const app1 = await run(`api ${name} (1/2)`, scenario, half);
    const base1 = await run(`baseline ${name} (1/2)`, baselineScenario, half);
    const base2 = await run(`baseline ${name} (2/2)`, baselineScenario, half, 0);
    const app2 = await run(`api ${name} (2/2)`, scenario, half, 0);
    const app = combine(app1, app2);
    rest.push({ name, app, baseline: combine(base1, base2) });
    await againstOld(name, app, oldRest[i]?.[1]);
  }
  await baseline.proc.stop();

  const mcp: RestRow[] = [];
  const oldMcp = oldStack && oldUser ? mcpScenarios(oldStack.mcpUrl, oldUser.personalToken) : [];
  for (const [i, [name, scenario]] of mcpScenarios(stack.mcpUrl, user.personalToken).entries()) {
    const app = await run(name, scenario, durationS);
    mcp.push({ name, app });
    await againstOld(name, app, oldMcp[i]?.[1]);
  }
  const chat = await run("chat turn", chatScenario(stack.apiUrl, user.token), durationS);
  await againstOld(
    "chat turn",
    chat,
    oldStack && oldUser ? chatScenario(oldStack.apiUrl, oldUser.token) : undefined,
  );
  await oldStack?.stop();

  // Memory: three load rounds per service, RSS after each.
  const memory: MemoryRow[] = [];
  const listScenario = (restScenarios(stack.apiUrl, user)[0] as [string, Scenario])[1];
  const mcpList = (mcpScenarios(stack.mcpUrl, user.personalToken)[0] as [string, Scenario])[1];
  if (db.kind === "postgres") {
    log(`memory: api, 3 × ${roundS} s`);
    memory.push({
      service: "api",
      idle: cold.idle.api ?? Number.NaN,
      rounds: await memoryRounds(stack.api.proc.pid, "apps/api/dist/server.js", {
        ...listScenario,
        connections: 50,
      }),
      target: 120,
      load: "GET /api/tasks?limit=50, 50 conn.",
    });
    log(`memory: mcp, 3 × ${roundS} s`);
    memory.push({
      service: "mcp",
      idle: cold.idle.mcp ?? Number.NaN,
      rounds: await memoryRounds(stack.mcp.proc.pid, "apps/mcp/dist/server.js", mcpList),
      target: 100,
      load: "MCP list_tasks, 50 clients",
    });
  } else {
    log(`memory: api+mcp, 3 × ${roundS} s`);
    memory.push({
      service: "api+mcp (one process)",
      idle: cold.idle["api+mcp (one process, PGlite)"] ?? Number.NaN,
      rounds: await memoryRounds(stack.api.proc.pid, "embedded.js", { ...listScenario, connections: 50 }),
      target: 220,
      load: "GET /api/tasks?limit=50, 50 conn.",
    });
    notes.push(
      "PGlite: api and mcp run in one process, so their memory is one row (target: the sum, 220 MB), and its cold start includes opening (the first time: creating and migrating) the embedded database.",
    );
  }
  if (web) {
    const webProc = track(await startWeb(ctx, web, stack.apiUrl));
    const auth = { authorization: `Bearer ${user.token}` };
    log(`memory: web, 3 × ${roundS} s`);
    const webRounds = await memoryRounds(webProc.proc.pid, "apps/web/server.js", {
      url: webProc.url,
      connections: 20,
      requests: [
        { method: "GET", path: "/sign-in" },
        { method: "GET", path: "/api/tasks?limit=50", headers: auth },
      ],
    });
    memory.push({
      service: "web",
      idle: cold.idle.web ?? Number.NaN,
      rounds: webRounds,
      target: 150,
      load: "GET /sign-in + proxied GET /api/tasks, 20 conn.",
    });
    await webProc.proc.stop();
  }
  await stack.stop();

  let before: Report["before"];
  const beforeNote = typeof beforeSide === "string" ? beforeSide : undefined;
  if (old && coldOld) {
    before = {
      ref: old.tree.ref,
      commit: old.tree.commit,
      rows: beforeRows,
      cold: coldOld.rows,
      idle: coldOld.idle,
      coldAfter: cold.rows,
      idleAfter: cold.idle,
    };
    notes.push(
      `Before/after: "before" is commit ${old.tree.commit.slice(0, 12)}, built the same way, on its own fresh database and seeded alike; each of its rounds (${beforeDurationS} s after a 1 s warm-up) ran right after the same scenario on this working tree, and its cold starts alternated with this tree's, so both saw the same machine.`,
    );
  }

  // Image payloads, from the deploy engineer's report when it exists.
  let images: string | undefined;
  let imagesNote: string | undefined;
  if (existsSync(join(root, "deploy/cli/src/images-report.ts"))) {
    const result = spawnSync("npm", ["run", "--silent", "images:report"], {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
    });
    images = `${result.stdout}${result.stderr}`
      .split("\n")
      .filter((l) => !l.startsWith("npm warn"))
      .join("\n");
    if (!images.trim()) imagesNote = `\`npm run images:report\` printed nothing (exit ${result.status}).`;
  } else
    imagesNote = "Skipped: `npm run images:report` (deploy/cli/src/images-report.ts) does not exist yet.";

  if (gcFallbacks)
    notes.push(
      `Memory: ${gcFallbacks} round(s) could not force a GC through the inspector and took the lowest RSS over 10 s instead.`,
    );
  const loadAtEnd = loadavg()[0] ?? 0;
  notes.push(
    `Load average (1 min) ${loadAtStart.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end of the run, on ${machine.cores} cores` +
      (Math.max(loadAtStart, loadAtEnd) > machine.cores * 0.75
        ? ": other work was running on the machine, so absolute numbers are depressed; the api/baseline ratios and before/after factors were measured side by side and hold better."
        : "."),
  );
  const report: Report = {
    machine,
    settings: { durationS, warmupS, roundS, logLevel: ctx.logLevel },
    rest,
    mcp,
    chat,
    cold: cold.rows,
    memory,
    images,
    imagesNote,
    before,
    beforeNote,
    notes,
    totalSeconds: elapsed(),
  };
  const explanation = readFileSync(join(root, "bench/what-changed.md"), "utf8");
  writeFileSync(out, renderDocument(report, explanation));
  console.log(`\n${resultTables(report)}\n`);
  log(`wrote ${out}`);
  rmSync(logDir, { recursive: true, force: true });
}

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${(error as Error).stack ?? error}`);
  console.error(`service logs: ${logDir}`);
  process.exitCode = 1;
} finally {
  await shutdown();
}
