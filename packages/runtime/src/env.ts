// Building blocks for each service's env.ts: the same names, rules and error message everywhere.
import { z } from "zod";

export const portSchema = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a port number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

export const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Variables every Node service reads. */
export function serviceEnvShape(defaultPort: number) {
  return {
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: portSchema.default(defaultPort),
    HOST: z.string().min(1).default("0.0.0.0"),
    LOG_LEVEL: logLevelSchema.default("info"),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  };
}

/** Variables of a service that opens the database. */
export const databaseEnvShape = {
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  TASKFLOW_DATA_DIR: z.string().min(1).default(".data"),
};

/**
 * Well-known secrets for the embedded single-user setup only: any service on a shared database or in
 * production must be given real ones (see `requireRealSecrets`).
 */
export const EMBEDDED_DEV_SECRETS = {
  BETTER_AUTH_SECRET: "taskflow-embedded-dev-secret-do-not-use-in-production",
  MCP_TOKEN_SECRET: "taskflow-embedded-dev-mcp-secret-do-not-use-in-production",
} as const;

export const secretSchema = z.string().min(32, "must be at least 32 characters").optional();

/** Adds an issue for each secret missing while DATABASE_URL is set or NODE_ENV=production. */
export function requireRealSecrets<K extends keyof typeof EMBEDDED_DEV_SECRETS>(keys: K[]) {
  return (
    env: { DATABASE_URL?: string | undefined; NODE_ENV: string } & Partial<Record<K, string>>,
    ctx: z.RefinementCtx,
  ) => {
    if (!env.DATABASE_URL && env.NODE_ENV !== "production") return;
    for (const key of keys) {
      if (!env[key])
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is required when DATABASE_URL is set or NODE_ENV=production",
        });
    }
  };
}

/** Parses or throws one line naming every bad variable: `api: invalid environment: PORT must be …; …`. */
export function parseEnv<S extends z.ZodType>(
  service: string,
  schema: S,
  source: Record<string, string | undefined>,
): z.output<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(env)"} ${issue.message}`);
  throw new Error(`${service}: invalid environment: ${problems.join("; ")}`);
}
