import type { Database } from "@taskflow/db/client";
import { migrationStatus } from "@taskflow/db/migrate";
import type { FastifyInstance } from "fastify";
import { pingDatabase } from "./database";
import { withTimeout } from "./timeout";

export interface Readiness {
  /** Set on SIGTERM: readiness fails first so traffic moves away before the drain. */
  shuttingDown: boolean;
}

const CHECK_TIMEOUT_MS = 1000;

/** `/healthz`: the process answers. `/readyz`: the database answers and its schema is current. */
export function registerHealth(app: FastifyInstance, database: Database, readiness: Readiness) {
  let schemaCurrent = false; // migrations never go backwards, so once current we only ping

  // A keep-alive connection that was busy when the drain began would hold server.close() open until
  // its idle timeout (past the grace period); closing each connection after its response ends the drain.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (readiness.shuttingDown) reply.header("connection", "close");
    done(null, payload);
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  app.get("/readyz", { schema: { hide: true } }, async (_request, reply) => {
    if (readiness.shuttingDown) return reply.code(503).send({ status: "shutting_down" });
    try {
      if (schemaCurrent) {
        await pingDatabase(database, CHECK_TIMEOUT_MS);
      } else {
        const status = await withTimeout(migrationStatus(database), CHECK_TIMEOUT_MS);
        if (!status.current) {
          return reply
            .code(503)
            .send({ status: "migrations_pending", applied: status.applied, expected: status.expected });
        }
        schemaCurrent = true;
      }
      return { status: "ready" };
    } catch (error) {
      return reply.code(503).send({ status: "database_unavailable", detail: (error as Error).message });
    }
  });
}
