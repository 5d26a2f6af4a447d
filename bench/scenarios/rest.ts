// REST scenarios: the api against the bare node:http + pg baseline (bench/baseline-server.ts), measured in
// halves (api · baseline · baseline · api) with each server's CPU time per request.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Proc, startNode } from "@taskflow/testing/processes";
import { type AgainstOld, type BenchContext, run } from "../lib/context";
import { combine, rotating, type Scenario } from "../lib/load";
import { freePort, sleep } from "../lib/proc";
import type { RestRow } from "../lib/report";
import { type SeededUser, taskBody } from "../lib/seed";
import type { ServiceContext, Stack } from "../lib/services";

export function restScenarios(
  url: string,
  user: Pick<SeededUser, "token" | "taskIds">,
): [string, Scenario][] {
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

async function startBaseline(
  bench: BenchContext,
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
    bench.cleanups.push(async () => rmSync(env.PGLITE_DIR as string, { recursive: true, force: true }));
    baselineUser = {
      ...user,
      token: env.BASELINE_SEED_TOKEN,
      taskIds: Array.from({ length: 1000 }, (_, i) => i + 1),
    };
  }
  const proc = startNode(
    "baseline",
    ["--import", "tsx", join(bench.root, "bench/baseline-server.ts")],
    env,
    join(bench.logDir, "baseline.log"),
    bench.root,
  );
  const url = `http://127.0.0.1:${port}`;
  bench.track({ proc });
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

/**
 * Each REST scenario on the api, then the bare baseline, then (with `old`) the old build, back to back.
 * The api's and the baseline's CPU time is read from /proc around every measured round.
 */
export async function restRounds(
  bench: BenchContext,
  ctx: ServiceContext,
  stack: Stack,
  user: SeededUser,
  old: { stack: Stack; user: SeededUser } | undefined,
  againstOld: AgainstOld,
): Promise<RestRow[]> {
  const baseline = await startBaseline(bench, ctx, user);
  const rest: RestRow[] = [];
  const baselineScenarios = restScenarios(baseline.url, baseline.user);
  const oldRest = old ? restScenarios(old.stack.apiUrl, old.user) : [];
  const apiPid = stack.api.proc.pid;
  const basePid = baseline.proc.pid;
  for (const [i, [name, scenario]] of restScenarios(stack.apiUrl, user).entries()) {
    // Api, baseline, baseline, api: a change in the machine's load during the four rounds weighs on
    // both sides alike, so the ratio is steadier than from one round each.
    const baselineScenario = (baselineScenarios[i] as [string, Scenario])[1];
    const half = bench.durationS / 2;
    const app1 = await run(bench, `api ${name} (1/2)`, scenario, half, bench.warmupS, apiPid);
    const base1 = await run(bench, `baseline ${name} (1/2)`, baselineScenario, half, bench.warmupS, basePid);
    const base2 = await run(bench, `baseline ${name} (2/2)`, baselineScenario, half, 0, basePid);
    const app2 = await run(bench, `api ${name} (2/2)`, scenario, half, 0, apiPid);
    const app = combine(app1, app2);
    rest.push({ name, app, baseline: combine(base1, base2) });
    await againstOld(name, app, oldRest[i]?.[1]);
  }
  await baseline.proc.stop();
  return rest;
}
