// Starting and stopping real service processes in tests: free ports, readiness polling, captured
// output for failure messages, and stopping only what we started (by PID).
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
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
