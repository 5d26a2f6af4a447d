import { parsedTaskSchema, problemSchema, quickAddParseBody } from "@taskflow/contracts";
import { getTimeZone } from "@taskflow/core/users";
import type { Db } from "@taskflow/db/client";
import { sendProblem } from "@taskflow/runtime/problem";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

/**
 * The board's quick add: reads a typed line into the fields of a new task without creating it, in the
 * user's stored zone. The parser (and its date library) loads on the first call, as the chat agent does.
 */
export function registerQuickAddRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  let parser: Promise<typeof import("@taskflow/agent/quick-add")> | undefined;
  r.post("/tasks/parse", {
    schema: {
      ...routeDoc("tasks", "Read a quick-add line into task fields (nothing is created)"),
      body: quickAddParseBody,
      response: { 200: parsedTaskSchema, 400: problemSchema, 401: problemSchema },
    },
    handler: async (request, reply) => {
      const timeZone = await getTimeZone(db, currentUser(request).id);
      parser ??= import("@taskflow/agent/quick-add");
      const { parseQuickAdd } = await parser;
      const parsed = parseQuickAdd(request.body.text, new Date(), timeZone);
      if ("error" in parsed)
        return sendProblem(reply, 400, `text ${parsed.error}`, [{ field: "text", message: parsed.error }]);
      return parsed;
    },
  });
}
