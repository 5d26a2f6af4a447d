import { problemSchema, textInput } from "@taskflow/contracts";
import { getTimeZone } from "@taskflow/core/users";
import type { Db } from "@taskflow/db/client";
import { sendProblem } from "@taskflow/runtime/problem";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

export const QUICK_ADD_MAX_CHARS = 500;

const parseBody = z
  .object({
    text: textInput()
      .trim()
      .min(1, "must not be empty")
      .max(QUICK_ADD_MAX_CHARS, `must be at most ${QUICK_ADD_MAX_CHARS} characters`)
      .describe("One line as typed in the board's quick add, e.g. “dentist friday 3pm #health !high”"),
  })
  .strict();

const parsedTask = z.object({
  title: z.string(),
  priority: z.enum(["low", "medium", "high"]).optional(),
  tags: z.array(z.string()).optional(),
  due_at: z
    .string()
    .optional()
    .describe("YYYY-MM-DD (all day) or YYYY-MM-DDTHH:MM (wall time in the user's zone)"),
});

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
      body: parseBody,
      response: { 200: parsedTask, 400: problemSchema, 401: problemSchema },
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
