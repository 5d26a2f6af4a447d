// Runs HTTP services as a process: validated env, pino logs, listen, and a graceful drain on
// SIGTERM/SIGINT (readiness fails first, in-flight requests finish, then resources close).
import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import { type LoggerOptions, stdSerializers } from "pino";
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

/**
 * A failed query's error carries the query's parameters in its message and stack (session tokens,
 * emails, task text), so a database outage would write every caller's bearer token to the logs. This
 * keeps the SQL and the cause, and drops the values, wherever such an error sits in the cause chain.
 */
function withoutQueryParams(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 8) return error;
  const cause = withoutQueryParams(error.cause, depth + 1);
  const { query, params } = error as { query?: unknown; params?: unknown };
  if (typeof query !== "string" || params === undefined) {
    if (cause === error.cause) return error;
    const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error, {
      cause,
    });
    copy.message = error.message;
    copy.stack = error.stack;
    return copy;
  }
  const message = `Failed query: ${query}\nparams: [redacted]`;
  const safe = new Error(message, { cause });
  safe.name = error.name;
  safe.stack = (error.stack ?? "").replace(error.message, message);
  return safe;
}

export function serializeError(error: unknown) {
  const serialized = stdSerializers.err(withoutQueryParams(error) as Error);
  if (error instanceof Error && serialized && typeof serialized === "object")
    serialized.type = error.constructor.name;
  return serialized;
}

export function loggerOptions(level: string, service: string): LoggerOptions {
  return {
    level,
    base: { service },
    serializers: { err: serializeError },
    // Credentials never reach the logs, whatever a log call is handed.
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.password",
        "*.token",
      ],
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
