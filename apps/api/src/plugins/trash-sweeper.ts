import { purgeTrash } from "@taskflow/core/tasks";
import type { Db } from "@taskflow/db/client";
import type { FastifyInstance } from "fastify";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Empties the trash of tasks older than the retention: once when the server is ready, then hourly.
 * Every replica may run it; the delete is idempotent. Listings already hide expired trash, so a missed
 * sweep only keeps rows longer, never shows them.
 */
export function registerTrashSweeper(app: FastifyInstance, db: Db, everyMs = HOUR_MS) {
  let timer: NodeJS.Timeout | undefined;
  const sweep = async () => {
    try {
      const purged = await purgeTrash(db);
      if (purged > 0) app.log.info({ purged }, "trash emptied of expired tasks");
    } catch (error) {
      app.log.warn({ err: error }, "trash sweep failed; retrying at the next interval");
    }
  };
  app.addHook("onReady", async () => {
    void sweep();
    timer = setInterval(sweep, everyMs);
    timer.unref();
  });
  app.addHook("onClose", async () => clearInterval(timer));
}
