// Memory: three equal load rounds per service, the RSS after a forced full GC following each.
import type { BenchContext } from "../lib/context";
import { forceGc } from "../lib/gc";
import { measure, type Scenario } from "../lib/load";
import { rssMb, sleep } from "../lib/proc";
import type { MemoryRow } from "../lib/report";
import type { SeededUser } from "../lib/seed";
import { type ServiceContext, type Stack, startWeb } from "../lib/services";
import type { ColdResult } from "./cold-start";
import { mcpScenarios } from "./mcp";
import { restScenarios } from "./rest";

/**
 * Three equal load rounds; after each, the RSS once a full garbage collection has run in the process
 * (forced through its inspector, see lib/gc.ts): what survives that is what a leak would grow. Without an
 * inspector it falls back to the lowest of 20 samples over 10 s of idleness.
 */
async function memoryRounds(
  bench: BenchContext,
  pid: number,
  script: string,
  scenario: Scenario,
  counts: { gcFallbacks: number },
): Promise<number[]> {
  const rss: number[] = [];
  for (let i = 0; i < 3; i++) {
    await measure(scenario, { warmupS: 0, durationS: bench.roundS });
    await sleep(500);
    const collected = await forceGc(pid, script);
    if (!collected) counts.gcFallbacks++;
    const samples: number[] = [];
    for (let j = 0; j < (collected ? 4 : 20); j++) {
      await sleep(500);
      samples.push(rssMb(pid));
    }
    rss.push(Math.min(...samples));
  }
  return rss;
}

/** The memory rows: api and mcp (or the embedded process), then the web when it was built. */
export async function memoryPhase(
  bench: BenchContext,
  ctx: ServiceContext,
  stack: Stack,
  user: SeededUser,
  cold: ColdResult,
  web: string | undefined,
): Promise<{ memory: MemoryRow[]; gcFallbacks: number }> {
  const { roundS } = bench;
  const counts = { gcFallbacks: 0 };
  const memory: MemoryRow[] = [];
  const listScenario = (restScenarios(stack.apiUrl, user)[0] as [string, Scenario])[1];
  const mcpList = (mcpScenarios(stack.mcpUrl, user.personalToken)[0] as [string, Scenario])[1];
  /** The api's row (with PGlite: the one process that also serves mcp) under the task-list load. */
  const apiRow = async (service: string, idle: number | undefined, script: string, target: number) => ({
    service,
    idle: idle ?? Number.NaN,
    rounds: await memoryRounds(
      bench,
      stack.api.proc.pid,
      script,
      { ...listScenario, connections: 50 },
      counts,
    ),
    target,
    load: "GET /api/tasks?limit=50, 50 conn.",
  });
  if (ctx.db.kind === "postgres") {
    bench.log(`memory: api, 3 × ${roundS} s`);
    memory.push(await apiRow("api", cold.idle.api, "apps/api/dist/server.js", 120));
    bench.log(`memory: mcp, 3 × ${roundS} s`);
    memory.push({
      service: "mcp",
      idle: cold.idle.mcp ?? Number.NaN,
      rounds: await memoryRounds(bench, stack.mcp.proc.pid, "apps/mcp/dist/server.js", mcpList, counts),
      target: 100,
      load: "MCP list_tasks, 50 clients",
    });
  } else {
    bench.log(`memory: api+mcp, 3 × ${roundS} s`);
    memory.push(
      await apiRow("api+mcp (one process)", cold.idle["api+mcp (one process, PGlite)"], "embedded.js", 220),
    );
    bench.notes.push(
      "PGlite: api and mcp run in one process, so their memory is one row (target: the sum, 220 MB), and its cold start includes opening (the first time: creating and migrating) the embedded database.",
    );
  }
  if (web) {
    const webProc = bench.track(await startWeb(ctx, web, stack.apiUrl));
    const auth = { authorization: `Bearer ${user.token}` };
    bench.log(`memory: web, 3 × ${roundS} s`);
    const webRounds = await memoryRounds(
      bench,
      webProc.proc.pid,
      "apps/web/server.js",
      {
        url: webProc.url,
        connections: 20,
        requests: [
          { method: "GET", path: "/sign-in" },
          { method: "GET", path: "/api/tasks?limit=50", headers: auth },
        ],
      },
      counts,
    );
    memory.push({
      service: "web",
      idle: cold.idle.web ?? Number.NaN,
      rounds: webRounds,
      target: 150,
      load: "GET /sign-in + proxied GET /api/tasks, 20 conn.",
    });
    await webProc.proc.stop();
  }
  return { memory, gcFallbacks: counts.gcFallbacks };
}
