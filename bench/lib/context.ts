// What the scenario modules share with bench/run.ts: the round settings, the log, and the bookkeeping
// of processes and clean-ups, so every process a scenario starts is stopped when the bench ends.
import type { Proc } from "@taskflow/testing/processes";
import { cpuMsPerRequest, type LoadResult, measure, type Scenario } from "./load";

export interface BenchContext {
  root: string;
  logDir: string;
  quick: boolean;
  durationS: number;
  warmupS: number;
  /** Memory rounds. */
  roundS: number;
  /** Rounds of the "before" build. */
  beforeDurationS: number;
  log(line: string): void;
  /** Registers a running process, stopped at the end (or on a signal) if still alive. */
  track<T extends { proc: Proc }>(running: T): T;
  cleanups: (() => Promise<void>)[];
  notes: string[];
}

/**
 * One logged scenario: a warm-up round, then the measured one. With `pid`, the server process's CPU time
 * over the measured round is recorded as well.
 */
export function run(
  bench: BenchContext,
  name: string,
  scenario: Scenario,
  durationS: number,
  warmup = bench.warmupS,
  pid?: number,
): Promise<LoadResult> {
  bench.log(`${name}: ${warmup} s warm-up + ${durationS} s at ${scenario.connections} connections`);
  return measure(scenario, { warmupS: warmup, durationS, pid }).then((r) => {
    const cpu = cpuMsPerRequest(r);
    bench.log(
      `  ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}` +
        (Number.isFinite(cpu) ? `, CPU ${cpu.toFixed(3)} ms/req` : ""),
    );
    return r;
  });
}

/** Runs a scenario against the "before" build right after this tree's, for the before/after table. */
export type AgainstOld = (name: string, after: LoadResult, scenario: Scenario | undefined) => Promise<void>;
