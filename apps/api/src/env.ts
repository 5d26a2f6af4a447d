// The only module of the api that reads process.env. A bad or missing variable stops the start with
// one message naming every problem.
import { z } from "zod";
import { formatEnvErrors, logLevelSchema, portSchema } from "@taskflow/runtime/env";

const DEV_SECRET = "taskflow-embedded-dev-secret-do-not-use-in-production";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: portSchema.default(8000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
    TASKFLOW_DATA_DIR: z.string().min(1).default(".data"),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
    MCP_URL: z.url().default("http://localhost:8080/mcp"),
    MCP_PUBLIC_URL: z.url().default("http://localhost:8080/mcp"),
    MCP_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: z.url().default("https://api.openai.com/v1"),
    OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
    CHAT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
    LOG_LEVEL: logLevelSchema.default("info"),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    // A shared database or a production build must never run on the well-known development secrets.
    const needsRealSecrets = Boolean(env.DATABASE_URL) || env.NODE_ENV === "production";
    for (const key of ["BETTER_AUTH_SECRET", "MCP_TOKEN_SECRET"] as const) {
      if (needsRealSecrets && !env[key]) {
        ctx.addIssue({ code: "custom", path: [key], message: "is required when DATABASE_URL is set or NODE_ENV=production" });
      }
    }
  })
  .transform((env) => ({
    ...env,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? DEV_SECRET,
    MCP_TOKEN_SECRET: env.MCP_TOKEN_SECRET ?? `${DEV_SECRET}-mcp`,
    OPENAI_API_KEY: env.OPENAI_API_KEY || undefined,
  }));

export type ApiEnv = z.output<typeof schema>;

export function parseApiEnv(source: Record<string, string | undefined>): ApiEnv {
  const result = schema.safeParse(source);
  if (!result.success) throw new Error(formatEnvErrors("api", result.error));
  return result.data;
}
