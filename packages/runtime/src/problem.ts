// One error handler for the whole api: every error leaves as application/problem+json (RFC 9457),
// 5xx details are logged, never sent.

import type { Socket } from "node:net";
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
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** `extensions` are RFC 9457 extension members, e.g. the conversation a failed chat turn belongs to. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  errors?: FieldError[],
  extensions?: Record<string, unknown>,
) {
  return reply
    .code(status)
    .type("application/problem+json")
    .send({
      type: "about:blank",
      status,
      title: TITLES[status] ?? "Error",
      detail,
      ...(errors ? { errors } : {}),
      ...extensions,
    });
}

const APP_ERROR_STATUS = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
} as const;

export function registerProblemHandlers(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, `No route for ${request.method} ${request.url.split("?")[0]}`),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "request";
      const errors = error.validation.flatMap((issue) => {
        // An unknown key is reported on the object that holds it; name the key itself instead.
        const keys =
          issue.keyword === "unrecognized_keys" ? (issue.params as { keys?: unknown }).keys : undefined;
        if (Array.isArray(keys) && keys.length > 0) {
          return keys.map((key) => ({
            field: fieldName(where, `${issue.instancePath.replace(/\/$/, "")}/${String(key)}`),
            message: "is not a known field",
          }));
        }
        return [{ field: fieldName(where, issue.instancePath), message: issue.message ?? "is invalid" }];
      });
      const detail = errors.map((e) => `${e.field} ${e.message}`).join("; ");
      return sendProblem(reply, 400, detail, errors);
    }
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        APP_ERROR_STATUS[error.code],
        error.message,
        error.fieldErrors.length ? error.fieldErrors : undefined,
      );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", "5");
      return sendProblem(reply, 503, "The database is unavailable; try again shortly.");
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail =
        error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.name === "SyntaxError"
          ? "body is not valid JSON"
          : error.message;
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

/**
 * Fastify's `clientErrorHandler`: what Node rejects before a request exists (oversized headers or URL,
 * malformed HTTP, a request too slow to arrive) also leaves as problem+json rather than Fastify's JSON.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === "ECONNRESET" || socket.destroyed || !socket.writable) return;
  const status =
    error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const title = TITLES[status] ?? "Bad Request";
  const detail =
    status === 431
      ? "The URL or headers are too large."
      : status === 408
        ? "The request took too long to arrive."
        : "The request is not valid HTTP.";
  const body = JSON.stringify({ type: "about:blank", status, title, detail });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Fastify's `frameworkErrors`: what the router rejects before any route runs (a path parameter longer
 * than maxParamLength, a URL that cannot be decoded) also leaves as problem+json, not Fastify's JSON.
 */
export function frameworkErrorHandler(error: FastifyError, _request: unknown, reply: FastifyReply) {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "A path segment of the URL is too long."
      : "The URL is not valid.";
  return sendProblem(reply, status, detail);
}
