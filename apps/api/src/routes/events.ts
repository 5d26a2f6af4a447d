import type { FastifyInstance } from "fastify";
import { currentUser } from "../plugins/auth";
import type { LiveEvents } from "../plugins/events";
import { routeDoc } from "./route-doc";

/**
 * GET /events in the signed-in /api scope: the caller's own live updates as server-sent events
 * (task.created, task.updated, task.deleted, reminder.due; see docs/events.md and
 * @taskflow/contracts/events). The stream stays open; a comment line arrives every EVENT_HEARTBEAT_MS.
 */
export function registerEventRoutes(app: FastifyInstance, events: LiveEvents) {
  app.get("/events", {
    schema: {
      ...routeDoc(
        "events",
        "Live updates (text/event-stream): task.created / task.updated ({task}), task.deleted ({id}) and reminder.due ({task}) for the caller's own tasks, whichever path or replica changed them. 429 past the per-account stream limit, 503 while live updates are unavailable (retry after Retry-After).",
      ),
      produces: ["text/event-stream"],
    },
    handler: (request, reply) => events.open(reply, currentUser(request).id),
  });
}
