// One error handler for the whole api: every error leaves as application/problem+json (RFC 9457),
// 5xx details are logged, never sent.
import { AppError, type FieldError } from "@taskflow/core/errors";
import { isDatabaseUnavailable } from "@taskflow/db/health";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldError[]) {
  return reply
    .code(status)
    .type("application/problem+json")
    .send({ type: "about:blank", status, title: TITLES[status] ?? "Error", detail, ...(errors ? { errors } : {}) });
}

const APP_ERROR_STATUS = { validation: 400, not_found: 404, forbidden: 403, unavailable: 503 } as const;

export function registerProblemHandlers(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, `No route for ${request.method} ${request.url.split("?")[0]}`),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "request";
      const errors = error.validation.map((issue) => ({
        field: fieldName(where, issue.instancePath),
        message: issue.message ?? "is invalid",
      }));
      const detail = errors.map((e) => `${e.field} ${e.message}`).join("; ");
      return sendProblem(reply, 400, detail, errors);
    }
    if (error instanceof AppError) {
      return sendProblem(reply, APP_ERROR_STATUS[error.code], error.message, error.fieldErrors.length ? error.fieldErrors : undefined);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", "5");
      return sendProblem(reply, 503, "The database is unavailable; try again shortly.");
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail = error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.name === "SyntaxError" ? "body is not valid JSON" : error.message;
      return sendProblem(reply, status, detail);
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, 500, "Something went wrong on our side; it has been logged.");
  });
}

/** `/title` in the body becomes `title`; a path parameter `/id` becomes `id`. */
function fieldName(context: string, instancePath: string): string {
  const path = instancePath.replace(/^\//, "").replaceAll("/", ".");
  return path || context;
}
