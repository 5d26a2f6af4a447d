// Cold starts: process spawn to the first 200 from its readiness endpoint, and the idle RSS 1.5 s later.

import { IMAGE_ENV } from "@taskflow/testing/bundles";
import type { BenchContext } from "../lib/context";
import type { ColdRow } from "../lib/report";
import { type Builds, coldStart, type ServiceContext, webEnv } from "../lib/services";

export interface ColdResult {
  rows: ColdRow[];
  idle: Record<string, number>;
}

/**
 * Cold starts of api and mcp (or the embedded process), `runs` each; with a second target (the old
 * bundles), its starts alternate with these, so both see the same machine.
 */
export async function coldStarts(
  bench: BenchContext,
  targets: { ctx: ServiceContext; builds: Builds }[],
  runs: number,
): Promise<ColdResult[]> {
  const results: ColdResult[] = targets.map(() => ({ rows: [], idle: {} }));
  const services =
    targets[0]?.ctx.db.kind === "postgres"
      ? [
          { service: "api", bundle: (b: Builds) => b.api, env: IMAGE_ENV.api },
          { service: "mcp", bundle: (b: Builds) => b.mcp, env: IMAGE_ENV.mcp },
        ]
      : [{ service: "api+mcp (one process, PGlite)", bundle: (b: Builds) => b.embedded, env: {} }];
  for (const { service, bundle, env } of services) {
    const times = targets.map(() => [] as number[]);
    const rss = targets.map(() => [] as number[]);
    for (let i = 0; i < runs; i++) {
      for (const [t, { ctx, builds }] of targets.entries()) {
        const r = await coldStart(ctx, service, [bundle(builds)], env, "/readyz");
        times[t]?.push(r.ms);
        rss[t]?.push(r.idleRssMb);
      }
    }
    for (const [t, result] of results.entries()) {
      const label = t === 0 ? "" : " (before)";
      bench.log(
        `cold start ${service}${label}: ${times[t]?.map((x) => Math.round(x)).join(", ")} ms; idle RSS ${rss[t]?.map((x) => x.toFixed(0)).join(", ")} MB`,
      );
      result.rows.push({ service, runs: times[t] ?? [], target: 1000, readyPath: "/readyz" });
      const sorted = [...(rss[t] ?? [])].sort((a, b) => a - b);
      result.idle[service] = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
    }
  }
  return results;
}

/** Three cold starts of the web (Next standalone) pointed at a running api; adds its row to `cold`. */
export async function webColdStarts(
  bench: BenchContext,
  ctx: ServiceContext,
  web: string,
  apiUrl: string,
  cold: ColdResult,
): Promise<void> {
  const row: ColdRow = { service: "web", runs: [], target: 2000, readyPath: "/healthz" };
  for (let i = 0; i < 3; i++) {
    const r = await coldStart(ctx, "web", [web], webEnv(apiUrl), "/healthz");
    row.runs.push(r.ms);
    cold.idle.web = Math.min(cold.idle.web ?? Number.POSITIVE_INFINITY, r.idleRssMb);
  }
  cold.rows.push(row);
  bench.log(`cold start web: ${row.runs.map((t) => Math.round(t)).join(", ")} ms`);
}
