// The Fastify skeleton every service shares: the same server options, request ids, problem+json for
// every error (the router's and Node's too), zod schemas, Prometheus metrics and /healthz + /readyz.
// A service adds its own routes (and their auth) to the instance this returns.
import { randomUUID } from "node:crypto";
import type { Database } from "@taskflow/db/client";
import Fastify, { type FastifyServerOptions } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { Registry } from "prom-client";
import { type Readiness, registerHealth } from "./health";
import { registerMetrics } from "./metrics";
import { clientErrorHandler, frameworkErrorHandler, registerProblemHandlers } from "./problem";
import { serializerCompiler } from "./serializer";

export interface ServiceAppOptions {
  /** The `service` label of the metrics. */
  name: string;
  /** What /readyz checks. */
  database: Database;
  logger?: FastifyServerOptions["logger"];
  /** Behind a proxy, which hops to believe for the client's address (`request.ip`). */
  trustProxy?: FastifyServerOptions["trustProxy"];
}

declare module "fastify" {
  interface FastifyInstance {
    /** The Prometheus registry served at /metrics. */
    metrics: Registry;
  }
}

/** An incoming `x-request-id` is kept when it looks like an id; anything else gets a fresh UUID. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function createServiceApp(options: ServiceAppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // During a drain, requests already on a kept-alive connection are served rather than refused.
    return503OnClosing: false,
    forceCloseConnections: "idle",
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header("x-request-id", request.id);
    // Answered before the body arrived (an auth hook's 401): a half-read keep-alive connection would hold
    // the server's close (and the drain) open, so end it with this response.
    if (!request.raw.complete) reply.header("connection", "close");
    done(null, payload);
  });

  const readiness: Readiness = { shuttingDown: false };
  registerProblemHandlers(app);
  // A service's own metrics (gauges, counters) go into the same registry: `app.metrics`.
  app.decorate("metrics", registerMetrics(app, options.name));
  registerHealth(app, options.database, readiness);
  return { app, readiness };
}
