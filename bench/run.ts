// `npm run bench`: production builds on loopback, one user with 1,000 tasks, every scenario of issue 5
// bounded in time, a markdown table printed and written to docs/benchmarks.md. The scenarios live in
// bench/scenarios (rest.ts with the baseline and CPU per request, mcp.ts, cold-start.ts, memory.ts);
// this file reads the flags, runs them in order and writes the report.
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
import { ensureServiceBundles } from "@taskflow/testing/bundles";
import type { Proc } from "@taskflow/testing/processes";
import { buildBefore, ensureEmbeddedBundle, ensureWebBuild } from "./lib/build";
import { type AgainstOld, type BenchContext, run } from "./lib/context";
import { type BenchDatabase, openBenchDatabase } from "./lib/database";
import type { BeforeAfterRow, Report } from "./lib/report";
import { renderDocument, resultTables } from "./lib/report";
import { seedUser } from "./lib/seed";
import { type Builds, migrateDatabase, type ServiceContext, type Stack, startStack } from "./lib/services";
import { type ColdResult, coldStarts, webColdStarts } from "./scenarios/cold-start";
import { mcpRounds, sanityCheck } from "./scenarios/mcp";
import { memoryPhase } from "./scenarios/memory";
import { restRounds } from "./scenarios/rest";

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
const bench: BenchContext = {
  root,
  logDir,
  quick,
  durationS,
  warmupS,
  roundS,
  beforeDurationS,
  log,
  track,
  cleanups,
  notes,
};
const trackStack = (stack: Stack): Stack => {
  track(stack.api);
  track(stack.mcp);
  return stack;
};

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
    bench,
    [{ ctx, builds }, ...(old ? [{ ctx: old.ctx, builds: old.builds }] : [])],
    quick ? 2 : 4,
  )) as [ColdResult, ColdResult | undefined];

  const stack = trackStack(await startStack(ctx, builds, "after"));
  const user = await seedUser(stack.apiUrl, 1000);
  log(`seeded ${user.email}: ${user.taskIds.length} tasks, personal token for MCP`);
  await sanityCheck(stack, user);
  const oldStack = old ? trackStack(await startStack(old.ctx, old.builds, "before")) : undefined;
  const oldUser = oldStack ? await seedUser(oldStack.apiUrl, 1000) : undefined;

  if (web) await webColdStarts(bench, ctx, web, stack.apiUrl, cold);

  // Throughput: each scenario on the api, then the bare baseline, then the old build, back to back.
  const beforeRows: BeforeAfterRow[] = [];
  const againstOld: AgainstOld = async (name, after, scenario) => {
    if (scenario)
      beforeRows.push({
        name,
        after,
        before: await run(bench, `before ${name}`, scenario, beforeDurationS, 1),
      });
  };
  const oldSide = oldStack && oldUser ? { stack: oldStack, user: oldUser } : undefined;
  const rest = await restRounds(bench, ctx, stack, user, oldSide, againstOld);
  const { mcp, chat } = await mcpRounds(bench, stack, user, oldSide, againstOld);
  await oldStack?.stop();

  // Memory: three load rounds per service, RSS after each.
  const { memory, gcFallbacks } = await memoryPhase(bench, ctx, stack, user, cold, web);
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
