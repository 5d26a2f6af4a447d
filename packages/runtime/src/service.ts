// Runs HTTP services as a process: validated env, pino logs, listen, and a graceful drain on
// SIGTERM/SIGINT (readiness fails first, in-flight requests finish, then resources close).
import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import pino, { type DestinationStream, type LoggerOptions, stdSerializers } from "pino";
import type { Readiness } from "./health";
import { tuneHeapForServing } from "./heap";

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

/**
 * An error's kind as logs show it: its own `name` when it sets one (AppError, APIError, ZodError), else
 * its class's name. Bundled without keepNames, a class can be renamed to avoid a clash (`APIError3`);
 * the names errors give themselves survive bundling.
 */
function errorType(error: Error): string {
  return error.name && error.name !== "Error" ? error.name : error.constructor.name;
}

export function serializeError(error: unknown) {
  const serialized = stdSerializers.err(withoutQueryParams(error) as Error);
  if (error instanceof Error && serialized && typeof serialized === "object")
    serialized.type = errorType(error);
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

/** A service's logger: its options and where its lines go. */
export type ServiceLogger = LoggerOptions & { stream?: DestinationStream };

export async function startService<E extends BaseServiceEnv>(spec: {
  name: string;
  parseEnv(): E;
  build(env: E, logger: ServiceLogger): Promise<RunningParts>;
}): Promise<RunningParts> {
  // First, before the service allocates anything it keeps.
  tuneHeapForServing();
  let env: E;
  try {
    env = spec.parseEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  // Two log lines per request (received, answered), each written synchronously, cost two write(2) calls
  // a request. They are buffered instead and leave in writes of about 4 KB (a write per ~10 requests), or
  // every 250 ms when traffic is lighter, so a line is never held for long; pino flushes what is left when
  // the process exits (a SIGKILL or a crash of the runtime itself loses at most the unwritten buffer).
  // Not larger: sonic-boom measures the byte length of its newest buffer on every line, so each line costs
  // time in proportion to `maxWrite`; 32/64 KB made logging twice as expensive (22 against 11 µs of CPU per
  // request's two lines; bench/what-changed.md, eighth round).
  const stream = pino.destination({
    dest: 1,
    sync: false,
    minLength: 4 * 1024,
    maxWrite: 8 * 1024,
    periodicFlush: 250,
  });
  const parts = await spec.build(env, { ...loggerOptions(env.LOG_LEVEL, spec.name), stream });
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
