/** Domain errors, translated at each edge: problem+json in the API, `isError` results in MCP. */
import type { FieldError } from "@taskflow/contracts";

export type { FieldError };
export type AppErrorCode = "validation" | "not_found" | "conflict" | "forbidden" | "unavailable";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
/** The request is valid but the resource is not in a state that allows it (409). */
export const conflict = (message: string) => new AppError("conflict", message);
export const invalid = (field: string, message: string) =>
  new AppError("validation", `${field} ${message}`, [{ field, message }]);
