// Runs the built standalone web server (what the image runs) on a free port, for tests.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "@taskflow/testing/processes";
import { repoRoot } from "./pages";

export const standaloneServer = join(repoRoot, "apps/web/.next/standalone/apps/web/server.js");

/** Builds the web app unless a standalone build is already there. */
export function ensureWebBuild(): void {
  if (existsSync(standaloneServer)) return;
  const result = spawnSync("npm", ["run", "build", "-w", "@taskflow/web"], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("npm run build -w @taskflow/web failed");
}

export type WebServer = { url: string; output: () => string; stop(): Promise<void> };

export async function startWebServer(env: Record<string, string>): Promise<WebServer> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [standaloneServer], {
    cwd: join(repoRoot, "apps/web/.next/standalone/apps/web"),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`web server exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`web server did not start within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
