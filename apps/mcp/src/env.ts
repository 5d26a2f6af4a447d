// The only module of the mcp service that reads process.env.
import {
  databaseEnvShape,
  EMBEDDED_DEV_SECRETS,
  parseEnv,
  requireRealSecrets,
  secretSchema,
  serviceEnvShape,
} from "@taskflow/runtime/env";
import { z } from "zod";

const schema = z
  .object({
    ...serviceEnvShape(8080),
    ...databaseEnvShape,
    MCP_TOKEN_SECRET: secretSchema,
    // Tool calls (MCP requests) per user per minute, across all of their tokens; then 429.
    MCP_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
    // OAuth: this server's public URL (the resource tokens must be issued for) and the authorization
    // server (Taskflow's web origin, where the api's Better Auth answers); unset: npm start's defaults.
    MCP_PUBLIC_URL: z.url().optional(),
    BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
  })
  .superRefine(requireRealSecrets(["MCP_TOKEN_SECRET"]))
  .transform((env) => ({
    ...env,
    MCP_TOKEN_SECRET: env.MCP_TOKEN_SECRET ?? EMBEDDED_DEV_SECRETS.MCP_TOKEN_SECRET,
    MCP_PUBLIC_URL: env.MCP_PUBLIC_URL ?? `http://localhost:${env.PORT}/mcp`,
  }));

export type McpEnv = z.output<typeof schema>;

export const parseMcpEnv = (source: Record<string, string | undefined>): McpEnv =>
  parseEnv("mcp", schema, source);
