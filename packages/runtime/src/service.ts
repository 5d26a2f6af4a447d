// Runs HTTP services as a process: validated env, pino logs, listen, and a graceful drain on
// SIGTERM/SIGINT (readiness fails first, in-flight requests finish, then resources close).
import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import type { LoggerOptions } from "pino";
import type { Readiness } from "./health";

export interface BaseServiceEnv {
  PORT: number;
  HOST: string;
  LOG_LEVEL: string;
  SHUTDOWN_GRACE_MS: number;
}

export interface RunningParts {
  servers: { app: FastifyInstance; port: number; host: string; readiness: Readiness }[];
  /** Closes what the servers share (the database pool) once they have drained. */
  close(): Promise<void>;
}

export function loggerOptions(level: string, service: string): LoggerOptions {
  return {
    level,
    base: { service },
    // Credentials never reach the logs, whatever a log call is handed.
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]', "*.password", "*.token"],
      censor: "[redacted]",
    },
  };
}

export async function startService<E extends BaseServiceEnv>(spec: {
  name: string;
  parseEnv(): E;
  build(env: E, logger: LoggerOptions): Promise<RunningParts>;
}): Promise<RunningParts> {
  let env: E;
  try {
    env = spec.parseEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const parts = await spec.build(env, loggerOptions(env.LOG_LEVEL, spec.name));
  const log = parts.servers[0]?.app.log;
  for (const server of parts.servers) {
    await server.app.listen({ port: server.port, host: server.host });
  }

  closeWithGrace({ delay: env.SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    if (err) log?.error({ err }, "shutting down after an error");
    else log?.info({ signal }, "draining: readiness now fails, in-flight requests finish");
    for (const server of parts.servers) server.readiness.shuttingDown = true;
    await Promise.all(parts.servers.map((server) => server.app.close()));
    await parts.close();
    log?.info("stopped");
  });
  return parts;
}
