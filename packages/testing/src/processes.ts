// Starting and stopping real service processes in tests: free ports, readiness polling, captured
// output for failure messages, and stopping only what we started (by PID). `startNode` runs a
// production bundle with its output in a log file, as the reliability suite and the bench run them.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** The range the kernel takes ports from on its own (`listen(0)`, outgoing connections). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low && high) return [low, high];
  } catch {
    // not Linux
  }
  return [32_768, 60_999];
}

/** Binds `port` on loopback for an instant: the port number if it was free, undefined if not. */
function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined));
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(bound || undefined));
    });
  });
}

const PORT_FLOOR = 10_000;
const PORT_SLICES = 4;
const handedOut = new Set<number>();

/**
 * A loopback port that is free now, for a process that binds it later (a child given PORT=…). The
 * port stays unbound until that child listens — seconds, for a Next.js server — so it is not taken
 * from the ephemeral range, where any `listen(0)` or outgoing connection of this or the other Vitest
 * worker could take it first (EADDRINUSE, a red test). It comes from below that range, from a slice
 * of its own per Vitest worker, never twice from one process, and is checked free when handed out.
 */
export async function freePort(): Promise<number> {
  const [low] = ephemeralRange();
  const slice = Math.floor((low - PORT_FLOOR) / PORT_SLICES);
  const worker = Number(process.env.VITEST_POOL_ID ?? 1) - 1;
  const first = PORT_FLOOR + ((Number.isInteger(worker) && worker >= 0 ? worker : 0) % PORT_SLICES) * slice;
  for (let attempt = 0; attempt < 200; attempt++) {
    // No room below the ephemeral range (an unusual kernel setting): let the kernel pick.
    const candidate = slice >= 500 ? first + Math.floor(Math.random() * slice) : 0;
    if (handedOut.has(candidate)) continue;
    const port = await tryListen(candidate);
    if (port !== undefined && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error("no free loopback port found");
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process ends by itself. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { env: Record<string, string | undefined>; cwd: string },
): ServiceProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    // A command that cannot start (missing binary or working directory) counts as exit code 127.
    child.once("error", (error) => {
      keep(Buffer.from(`${name}: cannot start: ${error.message}\n`));
      resolve(127);
    });
  });
  return {
    name,
    child,
    output: () => output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `url` until it answers 2xx; fails with the process output if it exits or times out. */
export async function waitForHttp(url: string, service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited with ${service.child.exitCode}:\n${service.output()}`);
    }
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} not ready at ${url} after ${timeoutMs} ms:\n${service.output()}`);
}

/** A `node` process started by `startNode`, its output going to a log file. */
export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  startedAt: number;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
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
