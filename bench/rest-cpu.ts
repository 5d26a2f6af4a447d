// Focused A/B of the REST rows: one or more api builds and the bare baseline on one fresh database, each
// REST scenario repeated, CPU ms per request of each server (from /proc) and the medians printed. For
// changing one thing and measuring it on a busy machine, where CPU per request holds and req/s does not.
//
//   DATABASE_URL=postgres://… npx tsx bench/rest-cpu.ts --api after=tree --api before=HEAD
//     --api NAME=tree        this working tree, bundled like bench/lib/build.ts (dependencies external)
//     --api NAME=REF         a commit, bundled the same way (cached in node_modules/.cache/taskflow-bench)
//     --api NAME=path/x.js   a bundle that exists (apps/api/dist/server.js)
//   --repeats 3 --duration 5 --warmup 2 --only GET,POST,PATCH --port 4660 --prof DIR (node --cpu-prof)
//   --node-arg=--perf-basic-prof (repeatable: flags for the api processes)
//   --node-arg-for NAME=--flag (repeatable: a flag for one api only, to A/B a runtime flag)
//   --env-for NAME=KEY=VALUE (repeatable: an env var for one api only, e.g. LOG_LEVEL=warn beside info)
// Every api answers one Better Auth call before the rounds (as every replica does in production), so none
// runs without the AsyncLocalStorage that Better Auth turns on (the first api, which seeds, always had it).
// Ports: the apis from --port upwards, the baseline after them.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { IMAGE_ENV } from "@taskflow/testing/bundles";
import { type Proc, startNode, waitReady } from "@taskflow/testing/processes";
import { buildBefore, bundle } from "./lib/build";
import { openBenchDatabase } from "./lib/database";
import { cpuMsPerRequest, measure, type Scenario } from "./lib/load";
import { cpuMs, rssMb } from "./lib/proc";
import { seedUser } from "./lib/seed";
import { SECRETS } from "./lib/services";
import { restScenarios } from "./scenarios/rest";

const root = fileURLToPath(new URL("..", import.meta.url));
const cacheDir = join(root, "node_modules/.cache/taskflow-bench");
const { values: flags } = parseArgs({
  options: {
    api: { type: "string", multiple: true, default: ["tree=tree"] },
    repeats: { type: "string", default: "3" },
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "2" },
    only: { type: "string", default: "GET,POST,PATCH" },
    port: { type: "string", default: "4660" },
    prof: { type: "string" },
    /** Extra node flags for the api processes (e.g. --perf-basic-prof for `perf record`). */
    "node-arg": { type: "string", multiple: true, default: [] },
    "node-arg-for": { type: "string", multiple: true, default: [] },
    "env-for": { type: "string", multiple: true, default: [] },
    /** Another baseline server (a variant of bench/baseline-server.ts), for what-if comparisons. */
    baseline: { type: "string", multiple: true, default: ["bench/baseline-server.ts"] },
    "log-level": { type: "string", default: "info" },
  },
});
const repeats = Number(flags.repeats);
const durationS = Number(flags.duration);
const warmupS = Number(flags.warmup);
const only = (flags.only as string).split(",").map((s) => s.trim().toUpperCase());
const log = (line: string) => console.log(`[rest-cpu] ${line}`);

async function resolveBuild(name: string, spec: string): Promise<{ server: string; migrate: string }> {
  if (spec.endsWith(".js")) return { server: spec, migrate: spec.replace(/server\.js$/, "migrate.js") };
  if (spec === "tree") {
    const out = join(cacheDir, `rest-cpu-${name}`);
    rmSync(out, { recursive: true, force: true });
    await bundle(root, { server: "apps/api/src/server.ts", migrate: "packages/db/src/migrate-cli.ts" }, out);
    return { server: join(out, "server.js"), migrate: join(out, "migrate.js") };
  }
  const tree = await buildBefore(root, spec, cacheDir);
  return { server: tree.api, migrate: tree.migrate };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("set DATABASE_URL (a PostgreSQL server; the run gets its own database)");
  const db = await openBenchDatabase(serverUrl, "restcpu");
  const procs: Proc[] = [];
  const logDir = mkdtempSync(join(tmpdir(), "taskflow-rest-cpu-"));
  try {
    const specs = (flags.api as string[]).map((a) => {
      const [name, spec] = a.split("=") as [string, string];
      return { name, spec: spec ?? name };
    });
    const builds = [];
    for (const { name, spec } of specs) {
      log(`building ${name} (${spec})`);
      builds.push({ name, ...(await resolveBuild(name, spec)) });
    }
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      LOG_LEVEL: flags["log-level"] as string,
      DATABASE_URL: db.url as string,
      ...SECRETS,
      BETTER_AUTH_URL: "http://localhost:3000",
      AUTH_RATE_LIMIT: "1000",
      CHAT_RATE_LIMIT: "100000",
    };
    execFileSync(process.execPath, [builds[0]?.migrate as string], { env, cwd: root });
    const port = Number(flags.port);
    const servers: { name: string; url: string; pid: number }[] = [];
    for (const [i, build] of builds.entries()) {
      const p = port + i;
      const args = flags.prof
        ? [`--cpu-prof`, `--cpu-prof-dir=${flags.prof}`, `--cpu-prof-name=${build.name}.cpuprofile`]
        : [];
      if (flags.prof) mkdirSync(flags.prof, { recursive: true });
      const forThis = (values: string[]) =>
        values.filter((a) => a.startsWith(`${build.name}=`)).map((a) => a.slice(build.name.length + 1));
      const own = forThis(flags["node-arg-for"] as string[]);
      const ownEnv = Object.fromEntries(
        forThis(flags["env-for"] as string[]).map((pair) => [
          pair.split("=")[0],
          pair.slice(pair.indexOf("=") + 1),
        ]),
      );
      const proc = startNode(
        build.name,
        [...(flags["node-arg"] as string[]), ...own, ...args, build.server],
        {
          ...env,
          ...IMAGE_ENV.api,
          PORT: String(p),
          MCP_URL: `http://127.0.0.1:${port + 19}/mcp`,
          ...ownEnv,
        },
        join(logDir, `${build.name}.log`),
        root,
      );
      procs.push(proc);
      await waitReady(`http://127.0.0.1:${p}/readyz`, proc.startedAt, 60_000, proc);
      servers.push({ name: build.name, url: `http://127.0.0.1:${p}`, pid: proc.pid });
    }
    const baseProf = flags.prof ? [`--cpu-prof`, `--cpu-prof-dir=${flags.prof}`] : [];
    // The first is "baseline", the reference of the ratios; others are named by their file.
    for (const [i, file] of (flags.baseline as string[]).entries()) {
      const name = i === 0 ? "baseline" : (file.split("/").at(-1) ?? file).replace(/\.ts$/, "");
      const basePort = port + builds.length + i;
      const baseline = startNode(
        name,
        [...baseProf, "--import", "tsx", join(root, file)],
        { ...env, PORT: String(basePort), DATABASE_POOL_SIZE: "10" },
        join(logDir, `${name}.log`),
        root,
      );
      procs.push(baseline);
      for (let attempt = 0; ; attempt++) {
        const up = await fetch(`http://127.0.0.1:${basePort}/api/tasks`).then(
          () => true,
          () => false,
        );
        if (up) break;
        if (attempt > 600) throw new Error(`${name} did not start`);
        await new Promise((r) => setTimeout(r, 50));
      }
      servers.push({ name, url: `http://127.0.0.1:${basePort}`, pid: baseline.pid });
    }
    const user = await seedUser(servers[0]?.url as string, 1000);
    for (const server of servers.slice(1, builds.length)) {
      const session = await fetch(`${server.url}/api/auth/get-session`, {
        headers: { authorization: `Bearer ${user.token}` },
      });
      if (!session.ok) throw new Error(`${server.name}: get-session answered ${session.status}`);
    }
    log(
      `seeded ${user.taskIds.length} tasks; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );

    const results = new Map<string, number[]>();
    for (const [s, [scenarioName]] of restScenarios("", user).entries()) {
      if (!only.includes(scenarioName.split(" ")[0] as string)) continue;
      for (let r = 0; r < repeats; r++) {
        // Alternate the order, so a change in the machine's load weighs on every server alike.
        const order = r % 2 === 0 ? servers : [...servers].reverse();
        for (const server of order) {
          const scenario = (restScenarios(server.url, user)[s] as [string, Scenario])[1];
          const result = await measure(scenario, { warmupS, durationS, pid: server.pid });
          const cpu = cpuMsPerRequest(result);
          const key = `${scenarioName}\t${server.name}`;
          results.set(key, [...(results.get(key) ?? []), cpu]);
          log(
            `${scenarioName} ${server.name}: ${Math.round(result.rps)} req/s, CPU ${cpu.toFixed(3)} ms/req, RSS ${rssMb(server.pid).toFixed(0)} MB, errors ${result.errors}, load ${loadavg()[0]?.toFixed(1)}`,
          );
        }
      }
    }
    // Ratios from each repeat's own pair of runs (back to back, so under the same load), then their median.
    console.log(
      "\nscenario\tserver\tCPU ms/req (each run)\tmedian\tbaseline ÷ this (medians)\t(median of paired)",
    );
    for (const [key, runs] of results) {
      const [scenarioName] = key.split("\t");
      const baseRuns = results.get(`${scenarioName}\tbaseline`) ?? [];
      const paired = runs.map((x, i) => (baseRuns[i] ?? Number.NaN) / x);
      console.log(
        `${key}\t${runs.map((x) => x.toFixed(3)).join(" ")}\t${median(runs).toFixed(3)}\t${(median(baseRuns) / median(runs)).toFixed(2)}\t${median(paired).toFixed(2)}`,
      );
    }
    log(
      `load average at the end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}; cpu now ${cpuMs(process.pid)}`,
    );
  } finally {
    await Promise.all(procs.map((p) => p.stop().catch(() => {})));
    await db.dispose();
    rmSync(logDir, { recursive: true, force: true });
  }
}

await main();
