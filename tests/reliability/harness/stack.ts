// The system under test as real processes: a private PostgreSQL, two api replicas and the mcp service
// from their production bundles, configured as docs/configuration.md says, behind the round-robin proxy.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IMAGE_ENV } from "@taskflow/testing/bundles";
import { freePort, type Proc, startNode, waitReady } from "@taskflow/testing/processes";
import pg from "pg";
import { inject } from "vitest";
import { PgInstance } from "./postgres";
import { RoundRobinProxy } from "./proxy";
import { root } from "./root";

export { root };
export const SECRETS = {
  BETTER_AUTH_SECRET: "reliability-better-auth-secret-0123456789",
  MCP_TOKEN_SECRET: "reliability-mcp-token-secret-0123456789ab",
};

/** One service process on a fixed port, so it can be killed and started again in place. */
export class Replica {
  proc?: Proc;
  starts = 0;
  /** Set when its stack closes: a fault still running after a failed or timed-out test cannot start
   * a process nobody would stop (it would outlive this file and load the next ones). */
  closed = false;
  constructor(
    readonly name: string,
    readonly bundle: string,
    readonly port: number,
    readonly env: Record<string, string>,
    readonly logDir: string,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get running() {
    return (
      this.proc !== undefined && this.proc.child.exitCode === null && this.proc.child.signalCode === null
    );
  }

  /** Starts the process and waits for /readyz; returns the milliseconds it took. */
  async start(): Promise<number> {
    if (this.closed) throw new Error(`${this.name}: its stack is closed`);
    this.starts++;
    const proc = startNode(
      this.name,
      [this.bundle],
      { ...this.env, PORT: String(this.port) },
      join(this.logDir, `${this.name}.log`),
      root,
    );
    this.proc = proc;
    return waitReady(`${this.url}/readyz`, proc.startedAt, 30_000, proc);
  }

  /** Sends `signal` and resolves once the process has exited (SIGTERM: after its drain). */
  async signal(signal: NodeJS.Signals): Promise<string> {
    const proc = this.proc;
    if (!proc || !this.running) return "not running";
    process.kill(proc.pid, signal);
    return proc.exited;
  }

  async stop(): Promise<void> {
    await this.proc?.stop("SIGTERM", 15_000);
  }
}

export interface Stack {
  pg: PgInstance;
  apis: Replica[];
  mcp: Replica;
  proxy: RoundRobinProxy;
  /** Where clients go: the proxy in front of the api replicas. */
  url: string;
  /** Direct SQL for verification. */
  db: pg.Pool;
  logDir: string;
  /** An extra api process (e.g. another configuration) with the same database and mcp. */
  startExtraApi(name: string, env: Record<string, string>): Promise<Replica>;
  close(): Promise<void>;
}

export interface StackOptions {
  apiReplicas?: number;
  apiEnv?: Record<string, string>;
}

/** Starts the whole stack from the migrated template cluster the global setup prepared. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const template = inject("pgTemplate");
  const logDir = mkdtempSync(join(tmpdir(), "taskflow-reliability-logs-"));
  const pgInstance = PgInstance.fromTemplate(template, await freePort());
  pgInstance.start();
  const databaseUrl = pgInstance.url();
  const mcpPort = await freePort();
  const apiPorts = await Promise.all(Array.from({ length: options.apiReplicas ?? 2 }, () => freePort()));
  const proxy = new RoundRobinProxy(apiPorts.map((port, i) => ({ name: `api-${i + 1}`, port })));
  // The proxy's address is the public URL users open (Better Auth's trusted origin).
  await proxy.listen();
  const common = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    DATABASE_URL: databaseUrl,
    MCP_TOKEN_SECRET: SECRETS.MCP_TOKEN_SECRET,
    // Load and fuzz drive few users hard; the per-user limits have their own tests.
    MCP_RATE_LIMIT: "1000000",
    CHAT_RATE_LIMIT: "100000",
  };
  // The api and the mcp run as their images run them (NODE_OPTIONS from deploy/docker/Dockerfile).
  const apiEnv = (extra: Record<string, string> = {}) => ({
    ...common,
    ...IMAGE_ENV.api,
    BETTER_AUTH_SECRET: SECRETS.BETTER_AUTH_SECRET,
    BETTER_AUTH_URL: proxy.url,
    MCP_URL: `http://127.0.0.1:${mcpPort}/mcp`,
    MCP_PUBLIC_URL: `http://127.0.0.1:${mcpPort}/mcp`,
    AUTH_RATE_LIMIT: "100000",
    ...options.apiEnv,
    ...extra,
  });
  const mcp = new Replica(
    "mcp",
    join(root, "apps/mcp/dist/server.js"),
    mcpPort,
    { ...common, ...IMAGE_ENV.mcp },
    logDir,
  );
  const apis = apiPorts.map(
    (port, i) => new Replica(`api-${i + 1}`, join(root, "apps/api/dist/server.js"), port, apiEnv(), logDir),
  );
  const extras: Replica[] = [];
  let closed = false;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  db.on("error", () => {});
  const stack: Stack = {
    pg: pgInstance,
    apis,
    mcp,
    proxy,
    url: proxy.url,
    db,
    logDir,
    async startExtraApi(name, env) {
      const replica = new Replica(
        name,
        join(root, "apps/api/dist/server.js"),
        await freePort(),
        apiEnv(env),
        logDir,
      );
      replica.closed = closed;
      extras.push(replica);
      await replica.start();
      return replica;
    },
    async close() {
      closed = true;
      for (const replica of [...apis, mcp, ...extras]) replica.closed = true;
      await proxy.close();
      await Promise.all([...apis, mcp, ...extras].map((r) => r.stop()));
      await db.end().catch(() => {});
      pgInstance.dispose();
      // The service logs are for debugging a failure: kept only when asked for.
      if (process.env.RELIABILITY_KEEP_LOGS) console.log(`[stack] service logs kept in ${logDir}`);
      else rmSync(logDir, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all([mcp.start(), ...apis.map((a) => a.start())]);
    // Let the proxy see every replica ready before the first request.
    await proxy.waitForReady(
      apis.map((a) => a.name),
      15_000,
    );
  } catch (error) {
    // The caller gets no stack to close: stop what did start (processes, PostgreSQL) here.
    await stack.close();
    throw error;
  }
  return stack;
}
