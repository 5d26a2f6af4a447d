/** Domain errors, translated at each edge: problem+json in the API, `isError` results in MCP. */
export type AppErrorCode = "validation" | "not_found" | "forbidden" | "unavailable";

export interface FieldError {
  field: string;
  message: string;
}

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
export const invalid = (field: string, message: string) =>
  new AppError("validation", `${field} ${message}`, [{ field, message }]);
