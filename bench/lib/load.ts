// One load scenario: a warm-up round (discarded), then a measured round bounded in time.
import autocannon from "autocannon";
import { cpuMs } from "./proc";

export interface Scenario {
  url: string;
  connections: number;
  requests: autocannon.Request[];
  idReplacement?: boolean;
}

export interface LoadResult {
  /** Completed requests per second over the measured round. */
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx responses. */
  errors: number;
  total: number;
  seconds: number;
  statusCodes: Record<string, number>;
  /**
   * CPU time (user + system, ms) the server process used over the measured round, when its PID was
   * given; divided by `total` it is the CPU cost of one request.
   */
  cpuMs?: number | undefined;
}

async function round(scenario: Scenario, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: scenario.url,
    connections: scenario.connections,
    duration: seconds,
    timeout: 10,
    requests: scenario.requests,
    idReplacement: scenario.idReplacement ?? false,
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  const total = Object.values(statusCodes).reduce((n, c) => n + c, 0);
  return {
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total,
    seconds: result.duration,
    statusCodes,
  };
}

/** With `pid`, the server process's CPU time over the measured round (not the warm-up) is recorded too. */
export async function measure(
  scenario: Scenario,
  options: { warmupS: number; durationS: number; pid?: number | undefined },
): Promise<LoadResult> {
  if (options.warmupS > 0) await round(scenario, options.warmupS);
  const { pid } = options;
  const cpuBefore = pid === undefined ? Number.NaN : cpuMs(pid);
  const result = await round(scenario, options.durationS);
  if (pid !== undefined) result.cpuMs = cpuMs(pid) - cpuBefore;
  return result;
}

/** CPU milliseconds the server spent per answered request (NaN when not measured). */
export const cpuMsPerRequest = (r: LoadResult): number =>
  r.cpuMs !== undefined && r.total > 0 ? r.cpuMs / r.total : Number.NaN;

/** Two rounds of one scenario as one: requests and seconds added up, latencies weighted by requests. */
export function combine(a: LoadResult, b: LoadResult): LoadResult {
  const total = a.total + b.total;
  const weighted = (x: number, y: number) => (total ? (x * a.total + y * b.total) / total : 0);
  const statusCodes = { ...a.statusCodes };
  for (const [code, count] of Object.entries(b.statusCodes))
    statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    rps: total / (a.seconds + b.seconds),
    p50: weighted(a.p50, b.p50),
    p99: weighted(a.p99, b.p99),
    errors: a.errors + b.errors,
    total,
    seconds: a.seconds + b.seconds,
    statusCodes,
    cpuMs: a.cpuMs !== undefined && b.cpuMs !== undefined ? a.cpuMs + b.cpuMs : undefined,
  };
}

/** Requests that rotate through a list of paths (e.g. different task ids), one per request. */
export function rotating(base: autocannon.Request, paths: string[]): autocannon.Request[] {
  let next = Math.floor(Math.random() * paths.length);
  return [
    {
      ...base,
      setupRequest: (request) => {
        next = (next + 1) % paths.length;
        return { ...request, path: paths[next] };
      },
    },
  ];
}
