// Starts the production builds as real processes on loopback ports, configured as the chart does
// (NODE_ENV=production, LOG_LEVEL=info, pool size 10), with logs going to files.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { IMAGE_ENV } from "@taskflow/testing/bundles";
import { type Proc, startNode, waitReady } from "@taskflow/testing/processes";
import type { BenchDatabase } from "./database";
import { freePort } from "./proc";

export const SECRETS = {
  BETTER_AUTH_SECRET: "bench-better-auth-secret-0123456789abcdef",
  MCP_TOKEN_SECRET: "bench-mcp-token-secret-0123456789abcdefgh",
};

export interface Builds {
  label: string;
  api: string;
  mcp: string;
  migrate: string;
  embedded: string;
  web?: string | undefined;
}

export interface Running {
  proc: Proc;
  url: string;
  readyMs: number;
}

export interface Stack {
  api: Running;
  /** In PGlite mode the mcp runs inside the api's process (same proc). */
  mcp: Running;
  apiUrl: string;
  mcpUrl: string;
  stop(): Promise<void>;
}

export interface ServiceContext {
  root: string;
  logDir: string;
  db: BenchDatabase;
  logLevel: string;
}

function baseEnv(ctx: ServiceContext): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    LOG_LEVEL: ctx.logLevel,
    ...SECRETS,
    ...(ctx.db.url ? { DATABASE_URL: ctx.db.url } : { TASKFLOW_DATA_DIR: ctx.db.dataDir ?? "" }),
  };
}

/** Applies migrations with the bundled migrator (PostgreSQL; PGlite migrates inside the process). */
export function migrateDatabase(ctx: ServiceContext, migrate: string): void {
  if (ctx.db.kind !== "postgres") return;
  const result = spawnSync(process.execPath, [migrate], {
    cwd: ctx.root,
    env: baseEnv(ctx),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migration failed: ${result.stdout}${result.stderr}`);
}

async function launch(
  name: string,
  args: string[],
  env: Record<string, string>,
  ctx: ServiceContext,
  readyUrl: string,
) {
  const proc = startNode(name, args, env, join(ctx.logDir, `${name}.log`), ctx.root);
  try {
    const readyMs = await waitReady(readyUrl, proc.startedAt, 60_000, proc);
    return { proc, readyMs };
  } catch (error) {
    await proc.stop("SIGKILL");
    throw error;
  }
}

/** api and mcp as their own processes (PostgreSQL), or together in one (PGlite). */
export async function startStack(ctx: ServiceContext, builds: Builds, tag: string): Promise<Stack> {
  const apiPort = await freePort();
  const mcpPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const mcpUrl = `http://127.0.0.1:${mcpPort}`;
  const env = {
    ...baseEnv(ctx),
    MCP_URL: `${mcpUrl}/mcp`,
    BETTER_AUTH_URL: "http://localhost:3000",
    AUTH_RATE_LIMIT: "1000",
    // The bench drives one user as hard as it can: the per-user limits would measure themselves.
    CHAT_RATE_LIMIT: "100000",
    MCP_RATE_LIMIT: "1000000",
  };
  if (ctx.db.kind === "pglite") {
    const both = await launch(
      `${tag}-embedded`,
      [builds.embedded],
      { ...env, API_PORT: String(apiPort), MCP_PORT: String(mcpPort) },
      ctx,
      `${apiUrl}/readyz`,
    );
    await waitReady(`${mcpUrl}/readyz`, both.proc.startedAt, 30_000, both.proc);
    const running = { proc: both.proc, readyMs: both.readyMs };
    return {
      api: { ...running, url: apiUrl },
      mcp: { ...running, url: mcpUrl },
      apiUrl,
      mcpUrl,
      stop: () => both.proc.stop(),
    };
  }
  const [mcp, api] = await Promise.all([
    launch(
      `${tag}-mcp`,
      [builds.mcp],
      { ...env, ...IMAGE_ENV.mcp, PORT: String(mcpPort) },
      ctx,
      `${mcpUrl}/readyz`,
    ),
    launch(
      `${tag}-api`,
      [builds.api],
      { ...env, ...IMAGE_ENV.api, PORT: String(apiPort) },
      ctx,
      `${apiUrl}/readyz`,
    ),
  ]);
  return {
    api: { ...api, url: apiUrl },
    mcp: { ...mcp, url: mcpUrl },
    apiUrl,
    mcpUrl,
    async stop() {
      await Promise.all([api.proc.stop(), mcp.proc.stop()]);
    },
  };
}

/** One cold start: process spawn to the first 200 from `path`; then the process is stopped. */
export async function coldStart(
  ctx: ServiceContext,
  name: string,
  args: string[],
  extraEnv: Record<string, string>,
  path: string,
): Promise<{ ms: number; idleRssMb: number }> {
  const port = await freePort();
  const env = {
    ...baseEnv(ctx),
    ...extraEnv,
    PORT: String(port),
    API_PORT: String(port),
    MCP_PORT: String(await freePort()),
  };
  const { proc, readyMs } = await launch(`cold-${name}`, args, env, ctx, `http://127.0.0.1:${port}${path}`);
  const { rssMb, sleep } = await import("./proc");
  await sleep(1500);
  const idleRssMb = rssMb(proc.pid);
  await proc.stop();
  return { ms: readyMs, idleRssMb };
}

/** The Next.js standalone server pointed at `apiUrl`. */
export async function startWeb(ctx: ServiceContext, server: string, apiUrl: string): Promise<Running> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    API_URL: apiUrl,
  };
  const url = `http://127.0.0.1:${port}`;
  const { proc, readyMs } = await launch("web", [server], env, ctx, `${url}/healthz`);
  return { proc, readyMs, url };
}

export function webEnv(apiUrl: string): Record<string, string> {
  return { NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1", API_URL: apiUrl };
}
