// The api as a real process (`node --import tsx apps/api/src/server.ts`, embedded PGlite) with open
// GET /api/events streams: SIGTERM ends them at once and the process exits 0 long before
// SHUTDOWN_GRACE_MS, instead of the streams holding the drain for the whole grace period.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@taskflow/testing/processes";
import { eventually } from "@taskflow/testing/wait";
import { afterAll, describe, expect, it } from "vitest";
import { openEvents } from "./events-helpers";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const GRACE_MS = 20_000;

describe("GET /api/events in the api process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "taskflow-events-process-"));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("SIGTERM ends open streams at once and the process exits 0 well inside the grace period", async () => {
    const output: string[] = [];
    // A free port below the ephemeral range: a fixed one could be held by another worker's connection.
    const PORT = await freePort();
    const api = spawn(process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        TASKFLOW_DATA_DIR: dataDir,
        SHUTDOWN_GRACE_MS: String(GRACE_MS),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = api;
    api.stdout?.on("data", (chunk) => output.push(String(chunk)));
    api.stderr?.on("data", (chunk) => output.push(String(chunk)));
    const exited = new Promise<number | null>((resolve) => api.once("exit", (code) => resolve(code)));
    const base = `http://127.0.0.1:${PORT}`;
    await eventually(
      async () => (await fetch(`${base}/readyz`)).status === 200,
      `the api to be ready: ${output.join("")}`,
      60_000,
    );
    const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ name: "Drain", email: "drain@example.com", password: "a long password 1" }),
    });
    expect(signUp.status).toBe(200);
    const headers = { authorization: `Bearer ${signUp.headers.get("set-auth-token")}` };
    const readers = [await openEvents(base, headers), await openEvents(base, headers)];
    expect(readers.map((r) => r.status)).toEqual([200, 200]);
    await eventually(() => readers.every((r) => r.retries.length > 0), "both streams live");

    const signalled = Date.now();
    api.kill("SIGTERM");
    await Promise.all(readers.map((r) => r.ended));
    expect(Date.now() - signalled).toBeLessThan(3000);
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS / 2);
    // Up to 60 s for a cold `tsx` start on a busy machine, then the drain's own bounds above.
  }, 120_000);
});
