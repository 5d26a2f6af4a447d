import {
  EXPORT_CSV_COLUMNS,
  exportFileSchema,
  exportQuery,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_LISTS,
  IMPORT_MAX_TASKS,
  importPreviewSchema,
  importQuery,
  importResultSchema,
  problemSchema,
} from "@taskflow/contracts";
import { exportData, exportTasksCsv, importData, planImport, previewImport } from "@taskflow/core/data";
import type { Db } from "@taskflow/db/client";
import { sendProblem } from "@taskflow/runtime/problem";
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchemaCompiler,
} from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentUser } from "../plugins/auth";
import { routeDoc } from "./route-doc";

const doc = (summary: string) => routeDoc("export and import", summary);
const errors = { 400: problemSchema, 401: problemSchema };
const megabytes = IMPORT_MAX_BYTES / (1024 * 1024);

/**
 * The import's body is read by the use case, not by the route's schema: it names a bad item the way the
 * file does (`tasks[3].priority`, or a Todoist CSV's row), and a Todoist file is CSV text. The body
 * schema is there for the OpenAPI document; the query is checked as on every route.
 */
const bodyReadByUseCase: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === "body"
    ? (data: unknown) => ({ value: data })
    : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);

/** What goes wrong before the use case runs (size, not JSON, wrong type), in words about the file. */
function importErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return sendProblem(
      reply,
      413,
      `The file is larger than ${megabytes} MB, the most one import reads. Split it into several files.`,
    );
  }
  if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY") {
    return sendProblem(reply, 400, "The file is not valid JSON, so it is not a Taskflow export.");
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
    return sendProblem(
      reply,
      415,
      "Send the file as application/json (a Taskflow export) or text/csv (a Todoist export, with format=todoist).",
    );
  }
  // Anything else goes to the api's one error handler.
  throw error;
}

const attachment = (reply: FastifyReply, name: string) =>
  reply.header("content-disposition", `attachment; filename="${name}"`).header("cache-control", "no-store");

/**
 * Export (`GET /export`, JSON or CSV) and import (`POST /import`, a Taskflow export or a Todoist CSV),
 * in their own scope: only here does the api read text/csv.
 */
export async function registerDataRoutes(app: FastifyInstance, db: Db) {
  await app.register(async (scope) => {
    scope.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get("/export", {
      schema: {
        ...doc("Export everything: lists and tasks (JSON), or the tasks as CSV"),
        description:
          "JSON (version 1) holds every list and every task not in the trash, and imports back with POST /api/import. " +
          `CSV has one row per task: ${EXPORT_CSV_COLUMNS.join(", ")}. The file name carries today's date in your time zone.`,
        querystring: exportQuery,
        response: {
          200: {
            description: "The file, as an attachment",
            content: {
              "application/json": { schema: exportFileSchema },
              "text/csv": { schema: z.string() },
            },
          },
          ...errors,
        },
      },
      handler: async (request, reply) => {
        const userId = currentUser(request).id;
        if (request.query.format === "csv") {
          const { csv, day } = await exportTasksCsv(db, userId);
          return attachment(reply, `taskflow-tasks-${day}.csv`).type("text/csv; charset=utf-8").send(csv);
        }
        const { file, day } = await exportData(db, userId);
        // Sent as text: the export is what is stored, not re-checked against today's input rules (a
        // value older rules allowed must not make the export fail); the import checks it.
        return attachment(reply, `taskflow-export-${day}.json`)
          .type("application/json; charset=utf-8")
          .send(JSON.stringify(file));
      },
    });

    r.post("/import", {
      bodyLimit: IMPORT_MAX_BYTES,
      config: { userRateLimit: "import" },
      validatorCompiler: bodyReadByUseCase,
      errorHandler: importErrors,
      schema: {
        ...doc("Import a Taskflow export (JSON) or a Todoist CSV export, all or nothing"),
        description:
          "The body is a file from GET /api/export (application/json), or with format=todoist a Todoist CSV export " +
          "(text/csv; its tasks go into the list named by `list`, created if missing, else the Inbox). Lists are " +
          "matched by name with yours, whatever the case; only missing ones are created. Everything is written " +
          "in one transaction: a bad item is a 400 naming it (tasks[3].priority, or row 7, PRIORITY) and nothing " +
          `is written. At most ${megabytes} MB, ${IMPORT_MAX_TASKS} tasks and ${IMPORT_MAX_LISTS} lists. ` +
          "dry_run=true answers 200 with a preview and writes nothing.",
        querystring: importQuery,
        body: exportFileSchema,
        response: {
          200: importPreviewSchema,
          201: importResultSchema,
          ...errors,
          413: problemSchema,
          415: problemSchema,
          429: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const userId = currentUser(request).id;
        const { format, dry_run: dryRun, list } = request.query;
        const body: unknown = request.body;
        const plan = await planImport(
          db,
          userId,
          format === "todoist" ? { format, body, list } : { format, body },
        );
        if (dryRun) return reply.code(200).send(previewImport(plan));
        return reply.code(201).send(await importData(db, userId, plan));
      },
    });
  });
}
