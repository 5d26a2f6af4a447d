// Child processes for the bench: spawn a service, time it to ready, read its RSS, stop it by PID.
// Only processes started here are ever signalled.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  startedAt: number;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/** A free loopback port (the OS picks it; a tiny race is acceptable for a bench). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <args>` with its stdout and stderr appended to `logFile` (a file, like a container
 * runtime collects logs, so logging costs what it costs in production).
 */
export function startNode(
  name: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
  cwd: string,
): Proc {
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ? String(signal) : `code ${code}`)),
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: could not start`);
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    name,
    child,
    pid,
    startedAt: performance.now(),
    exited,
    async stop(signal = "SIGTERM", graceMs = 5000) {
      if (done) return;
      process.kill(pid, signal);
      const timer = new Promise<"late">((r) => setTimeout(() => r("late"), graceMs).unref());
      if ((await Promise.race([exited, timer])) === "late" && !done) {
        process.kill(pid, "SIGKILL");
        await exited;
      }
    },
  };
}

/** Polls `url` until it answers 200; returns milliseconds since `since` (performance.now()). */
export async function waitReady(url: string, since: number, timeoutMs: number, proc?: Proc): Promise<number> {
  const deadline = since + timeoutMs;
  let exited = false;
  void proc?.exited.then(() => {
    exited = true;
  });
  while (performance.now() < deadline) {
    if (exited) throw new Error(`${proc?.name} exited before it was ready (see its log)`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => {
        void r.body?.cancel();
        return r.status === 200;
      },
      () => false,
    );
    if (ok) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** Resident set size of a process in MB (Linux /proc; `ps` elsewhere). */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    // not Linux
  }
  const kb = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
  return kb / 1024;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let clockTicks: number | undefined;
/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times (`getconf CLK_TCK`, normally 100). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    let ticks = Number.NaN;
    try {
      ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    } catch {
      // no getconf: Linux's USER_HZ is 100 everywhere it runs
    }
    clockTicks = Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  }
  return clockTicks;
}

/**
 * CPU time a process has used so far (user + system) in milliseconds, from /proc/<pid>/stat
 * (utime and stime, fields 14 and 15, in clock ticks). NaN where there is no /proc.
 */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state), so utime (14) and stime (15) are at 11 and 12.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / ticksPerSecond();
  } catch {
    return Number.NaN;
  }
}
