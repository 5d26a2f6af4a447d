// Building blocks for each service's env.ts: the same rules and the same error message everywhere.
import { z } from "zod";

export const portSchema = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a port number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

export const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** One line naming every bad variable: `api: invalid environment: PORT must be …; DATABASE_URL …`. */
export function formatEnvErrors(service: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => `${issue.path.join(".") || "(env)"} ${issue.message}`);
  return `${service}: invalid environment: ${problems.join("; ")}`;
}
